import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR, PACK_FILE } from './load-pack-source.js';

/** The case file that takes cases no existing case file holds. */
export const NEW_CASES_FILE = 'new-cases.json';

/** What {@link writePackFolder} wrote: files written and removed (relative to the folder), and new case ids. */
export interface WrittenPackFolder {
  written: string[];
  removed: string[];
  /** Ids of cases no existing case file held, written to `cases/new-cases.json`. */
  newCases: string[];
}

/**
 * Writes a bundled pack into a pack folder (the reverse of `loadPackSource`): `pack.json`
 * without the cases, and each case into the `cases/*.json` file that already holds a case
 * with its id, in bundle order. Cases no file holds go to `cases/new-cases.json`; a case file
 * left with no case is removed. Use it to bring a pack edited in the admin UI (downloaded as
 * one bundle) back into a council package's folder.
 * @example writePackFolder(JSON.parse(readFileSync('draft.json', 'utf8')), 'packages/councils-wessex/pack');
 */
export function writePackFolder(bundle: Record<string, unknown>, dir: string): WrittenPackFolder {
  const { cases, ...rules } = bundle;
  const list = Array.isArray(cases) ? (cases as { id?: unknown }[]) : [];
  const casesDir = join(dir, CASES_DIR);
  const existing = existsSync(casesDir) ? readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort() : [];
  const fileOf = new Map<string, string>();
  for (const name of existing) {
    const held = (JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as { cases?: { id?: unknown }[] }).cases ?? [];
    for (const c of held) if (typeof c.id === 'string' && !fileOf.has(c.id)) fileOf.set(c.id, name);
  }
  const byFile = new Map<string, unknown[]>(existing.map((name) => [name, []]));
  const newCases: string[] = [];
  for (const c of list) {
    const known = typeof c.id === 'string' ? fileOf.get(c.id) : undefined;
    if (!known) newCases.push(String(c.id));
    const name = known ?? NEW_CASES_FILE;
    byFile.set(name, [...(byFile.get(name) ?? []), c]);
  }
  const result: WrittenPackFolder = { written: [], removed: [], newCases };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, PACK_FILE), `${JSON.stringify(rules, null, 2)}\n`);
  result.written.push(PACK_FILE);
  if (byFile.size) mkdirSync(casesDir, { recursive: true });
  for (const [name, held] of byFile) {
    const path = join(casesDir, name);
    if (held.length) {
      writeFileSync(path, `${JSON.stringify({ cases: held }, null, 2)}\n`);
      result.written.push(`${CASES_DIR}/${name}`);
    } else if (existsSync(path)) {
      rmSync(path);
      result.removed.push(`${CASES_DIR}/${name}`);
    }
  }
  return result;
}
