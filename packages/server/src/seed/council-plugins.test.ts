import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNCIL_PLUGIN_PACKAGES, councilPluginPackages } from './council-plugins.js';

describe('council plugin discovery', () => {
  it('finds the three shipped councils among the server\'s dependencies', () => {
    expect(COUNCIL_PLUGIN_PACKAGES).toEqual(['@openqaf/councils-birmingham', '@openqaf/councils-bolton', '@openqaf/councils-herefordshire']);
  });
  it('finds a council registered by qaf new-council (a new @openqaf/councils-* dependency) and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qaf-plugins-'));
    const file = join(dir, 'package.json');
    writeFileSync(file, JSON.stringify({ dependencies: { hono: '^4', '@openqaf/engine': 'workspace:*', '@openqaf/councils-wessex': 'workspace:*', '@openqaf/councils-bolton': 'workspace:*' } }));
    expect(councilPluginPackages(pathToFileURL(file))).toEqual(['@openqaf/councils-bolton', '@openqaf/councils-wessex']);
  });
});
