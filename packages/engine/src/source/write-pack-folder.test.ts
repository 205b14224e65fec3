import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { loadPackSource } from './load-pack-source.js';
import { writePackFolder } from './write-pack-folder.js';

const byId = (cases: unknown) => [...(cases as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));

describe('writePackFolder', () => {
  it('writes a bundle into a folder that reads back as the same pack', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qaf-write-')), 'pack');
    const bundle = examplePack();
    const written = writePackFolder(bundle as unknown as Record<string, unknown>, dir);
    expect(written).toEqual({ written: ['pack.json', 'cases/new-cases.json'], removed: [], newCases: bundle.cases!.map((c) => c.id) });
    expect(loadPackSource(dir).value).toEqual(bundle);
    expect(JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')).cases).toBeUndefined();
  });

  it('keeps each case in the topic file that holds its id, puts new ones apart and removes emptied files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qaf-write-'));
    const [first, second] = examplePack().cases!;
    mkdirSync(join(dir, 'cases'));
    writeFileSync(join(dir, 'cases', 'bronze.json'), JSON.stringify({ cases: [first] }));
    writeFileSync(join(dir, 'cases', 'silver.json'), JSON.stringify({ cases: [second] }));
    writeFileSync(join(dir, 'cases', 'gone.json'), JSON.stringify({ cases: [{ ...first!, id: 'deleted-in-the-ui' }] }));
    const edited = examplePack();
    edited.cases = [{ ...second!, note: 'edited in the UI' }, { ...first!, id: 'added-in-the-ui' }, first!];
    const written = writePackFolder(edited as unknown as Record<string, unknown>, dir);
    expect(written.removed).toEqual(['cases/gone.json']);
    expect(written.newCases).toEqual(['added-in-the-ui']);
    expect(existsSync(join(dir, 'cases', 'gone.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'cases', 'silver.json'), 'utf8')).cases[0].note).toBe('edited in the UI');
    const read = loadPackSource(dir).value as { cases: unknown };
    expect(byId(read.cases)).toEqual(byId(edited.cases));
  });
});
