import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { validatePack } from '../schema/validate-pack.js';
import { loadPackSource, PackSourceError, readPackSource } from './load-pack-source.js';

/** Writes a pack folder: pack.json (the example pack without cases) and the given case files. */
function packFolder(caseFiles: Record<string, string | object>, pack: object = withoutCases()): string {
  const dir = mkdtempSync(join(tmpdir(), 'qaf-source-'));
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack, null, 2));
  mkdirSync(join(dir, 'cases'));
  for (const [name, body] of Object.entries(caseFiles)) {
    writeFileSync(join(dir, 'cases', name), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  }
  return dir;
}

function withoutCases(): object {
  const { cases: _cases, ...rest } = examplePack();
  return rest;
}

const [first, second] = examplePack().cases!;

describe('loadPackSource', () => {
  it('bundles a folder into the same pack as the single file, cases in file-name order', () => {
    const dir = packFolder({ 'b-later.json': { cases: [second] }, 'a-first.json': { cases: [first] }, 'notes.txt': 'not a case file' });
    const source = loadPackSource(dir);
    expect(source.errors).toEqual([]);
    expect(source.value).toEqual(examplePack());
    expect(source.files.map((f) => f.slice(dir.length))).toEqual(['/pack.json', '/cases/a-first.json', '/cases/b-later.json']);
  });

  it('reads a bundled single pack file as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qaf-source-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(examplePack()));
    expect(loadPackSource(join(dir, 'bundle.json')).value).toEqual(examplePack());
  });

  it('puts the cases of pack.json itself before those of the case files', () => {
    const dir = packFolder({ 'more.json': { cases: [second] } }, { ...withoutCases(), cases: [first] });
    expect((loadPackSource(dir).value as { cases: { id: string }[] }).cases.map((c) => c.id)).toEqual([first!.id, second!.id]);
  });

  it('names the file, line and column of malformed JSON in a case file, and bundles nothing', () => {
    const dir = packFolder({ 'broken.json': '{\n  "cases": [\n    { "id": "x", }\n  ]\n}' });
    const source = loadPackSource(dir);
    expect(source.value).toBeUndefined();
    expect(source.errors).toHaveLength(1);
    expect(source.errors[0]).toMatchObject({ code: 'json.syntax', file: join(dir, 'cases', 'broken.json'), line: 3, column: 18 });
  });

  it('refuses a case file that is not { "cases": [...] }, naming the file and the stray key', () => {
    const dir = packFolder({ 'list.json': [first], 'extra.json': { cases: [], want: {} } });
    const source = loadPackSource(dir);
    expect(source.value).toBeUndefined();
    expect(source.errors.map((e) => [e.code, e.file!.slice(dir.length), e.line])).toEqual([
      ['source.case-file', '/cases/extra.json', 3],
      ['source.case-file', '/cases/list.json', 1],
    ]);
    expect(source.errors[0]!.message).toMatch(/"want" is not allowed/);
  });

  it('says so when a folder has no pack.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qaf-source-'));
    const source = loadPackSource(dir);
    expect(source.errors).toMatchObject([{ code: 'source.no-pack', file: join(dir, 'pack.json') }]);
    expect(loadPackSource(join(dir, 'missing')).errors).toMatchObject([{ code: 'source.not-found' }]);
  });

  it('locates a validation error in a case file by file and line, and one in the rules in pack.json', () => {
    const broken = { ...second!, input: 5 };
    const dir = packFolder({ 'a.json': { cases: [first] }, 'b.json': { cases: [broken] } });
    const source = loadPackSource(dir);
    const result = validatePack(source.value);
    expect(result.valid).toBe(false);
    const located = source.locateErrors(result.errors);
    const inCase = located.find((e) => e.pointer === '/cases/1/input');
    const caseText = JSON.stringify({ cases: [broken] }, null, 2).split('\n');
    expect(inCase).toMatchObject({ file: join(dir, 'cases', 'b.json'), line: caseText.findIndex((l) => l.includes('"input"')) + 1, column: 7 });
    expect(source.locate('/outcomes/headline')!.file).toBe(join(dir, 'pack.json'));
    expect(source.locate('/outcomes/headline')!.line).toBe(JSON.stringify(withoutCases(), null, 2).split('\n').findIndex((l) => l.includes('"headline"')) + 1);
  });
});

describe('readPackSource', () => {
  it('returns the bundled pack, or throws naming each file and line', () => {
    expect(readPackSource(packFolder({ 'a.json': { cases: [first, second] } }))).toEqual(examplePack());
    const dir = packFolder({ 'bad.json': '{ "cases": [' });
    expect(() => readPackSource(dir)).toThrow(PackSourceError);
    expect(() => readPackSource(dir)).toThrow(/bad\.json:1:\d+: Malformed JSON/);
  });
});
