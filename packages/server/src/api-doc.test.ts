import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// docs/api.md is generated from the route declarations by scripts/api-doc.js (from the built dist/,
// which the test task builds first): a route or error code changed without regenerating it fails here.
const script = fileURLToPath(new URL('../scripts/api-doc.js', import.meta.url));
const apiDoc = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));
const check = (...args: string[]) => spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });

describe('docs/api.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qaf-api-doc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is what scripts/api-doc.js generates from the route declarations', () => {
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a copy with one route row changed is refused, naming the line and both texts', () => {
    const lines = readFileSync(apiDoc, 'utf8').split('\n');
    const row = lines.findIndex((l) => l.startsWith('| GET | `/api/councils/{council}/work-queue` |'));
    expect(row).toBeGreaterThan(0);
    lines[row] = lines[row]!.replace('overdue first', 'soonest first');
    const copy = join(dir, 'api.md');
    writeFileSync(copy, lines.join('\n'));
    const run = check('--against', copy);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`line ${row + 1} differs`);
    expect(run.stderr).toContain('soonest first');
    expect(run.stderr).toContain('overdue first');
  });
});
