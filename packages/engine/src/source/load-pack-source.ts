import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { PackError } from '../errors.js';
import type { Pack } from '../types.js';
import { lineColumn, parseJson } from '../schema/parse-json.js';

/** The file of a pack folder that holds the pack itself (everything but the cases). */
export const PACK_FILE = 'pack.json';
/** The folder of a pack folder that holds its cases, one JSON file per topic. */
export const CASES_DIR = 'cases';

/** Where a part of the bundled pack was written: the file, and the line and column in it. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * A pack source read into one bundle: the bundled pack value (not yet validated), the files
 * read, problems reading them (each naming its file and line), and `locate`, which finds
 * where a pointer into the bundle (as validation errors give) was written.
 */
export interface PackSource {
  /** The folder or file read. */
  path: string;
  /** The bundled pack, as `validatePack` takes it; absent when a file could not be read. */
  value?: unknown;
  /** Problems reading or parsing the files; each carries `file`, and `line` where it has one. */
  errors: PackError[];
  /** Every file read, in bundle order. */
  files: string[];
  /** The file, line and column a pointer into the bundle comes from, when it can be found. */
  locate: (pointer: string) => SourceLocation | undefined;
  /** Adds `file`, `line` and `column` to errors that point into the bundle. */
  locateErrors: (errors: PackError[]) => PackError[];
}

interface SourceFile {
  file: string;
  text: string;
  value: unknown;
  /** For a case file: the index of its first case in the bundle's `cases`. */
  firstCase?: number;
  caseCount?: number;
}

/**
 * Reads a pack source: a folder (`pack.json` with the pack, and `cases/*.json` with its cases
 * by topic, each `{ "cases": [...] }`, read in file-name order) or a single bundled pack JSON
 * file, into the one bundled pack that validation, compilation and the server take. Cases in
 * `pack.json` itself come first. Nothing is validated here beyond JSON syntax and the shape of
 * the case files.
 * @example
 * const source = loadPackSource('packages/councils-birmingham/pack');
 * const result = validatePack(source.value);
 * const errors = source.locateErrors(result.errors); // each with file and line
 * @see ../../../../docs/pack-format.md
 */
export function loadPackSource(path: string): PackSource {
  const files: SourceFile[] = [];
  const errors: PackError[] = [];
  const read = (file: string): SourceFile | undefined => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ code: 'source.unreadable', pointer: '', file, message: `Cannot read ${file}: ${(e as Error).message}.` });
      return undefined;
    }
    const parsed = parseJson(text, 'file');
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => ({ ...e, file })));
      return undefined;
    }
    return { file, text, value: parsed.value };
  };
  const result = (value?: unknown): PackSource => {
    const source: PackSource = {
      path, errors, files: files.map((f) => f.file),
      locate: (pointer) => locate(files, pointer),
      locateErrors: (list) => list.map((e) => {
        if (e.file) return e;
        const at = source.locate(e.pointer);
        return at ? { ...e, file: at.file, line: at.line, column: at.column } : e;
      }),
    };
    if (value !== undefined && errors.length === 0) source.value = value;
    return source;
  };

  if (!existsSync(path)) {
    errors.push({ code: 'source.not-found', pointer: '', file: path, message: `There is no file or folder ${path}.` });
    return result();
  }
  if (!statSync(path).isDirectory()) {
    const single = read(path);
    if (single) files.push(single);
    return result(single?.value);
  }

  const packFile = read(join(path, PACK_FILE));
  if (!packFile) {
    if (!errors.length) return result();
    if (errors[0]!.code === 'source.unreadable') {
      errors[0] = { ...errors[0]!, code: 'source.no-pack', message: `The pack folder ${path} has no ${PACK_FILE}.`, hint: `A pack folder holds ${PACK_FILE} (the pack without its cases) and ${CASES_DIR}/*.json (its cases by topic).` };
    }
    return result();
  }
  files.push(packFile);
  if (packFile.value === null || typeof packFile.value !== 'object' || Array.isArray(packFile.value)) {
    errors.push({ code: 'source.not-object', pointer: '', file: packFile.file, line: 1, column: 1, message: `${PACK_FILE} must hold a JSON object (the pack).` });
    return result();
  }
  const pack = packFile.value as Record<string, unknown>;
  const own = pack.cases;
  if (own !== undefined && !Array.isArray(own)) return result(pack); // validation reports /cases
  const cases: unknown[] = [...(own ?? [])];

  const casesDir = join(path, CASES_DIR);
  const caseFiles = existsSync(casesDir) && statSync(casesDir).isDirectory()
    ? readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()
    : [];
  for (const name of caseFiles) {
    const f = read(join(casesDir, name));
    if (!f) continue;
    const value = f.value as { cases?: unknown } | null;
    const extra = value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.keys(value).filter((k) => k !== 'cases' && k !== '$schema')
      : [];
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Array.isArray(value.cases) || extra.length) {
      const at = extra.length ? position(f, [extra[0]!]) : { line: 1, column: 1 };
      errors.push({
        code: 'source.case-file', pointer: extra.length ? `/${extra[0]}` : '', file: f.file, ...at,
        message: extra.length ? `A case file holds only "cases"; "${extra[0]}" is not allowed.` : 'A case file must be an object with a "cases" array.',
        hint: 'Write { "cases": [ { "id": ..., "note": ..., "input": ..., "want": ... } ] }.',
      });
      continue;
    }
    f.firstCase = cases.length;
    f.caseCount = value.cases.length;
    cases.push(...value.cases);
    files.push(f);
  }
  const bundle = { ...pack };
  if (own !== undefined || caseFiles.length) bundle.cases = cases;
  return result(bundle);
}

/**
 * Reads a pack source (see {@link loadPackSource}) and returns the bundled pack, throwing a
 * `PackSourceError` naming each file and line when a file cannot be read or parsed. For
 * council plugins, which read their pack folder when imported.
 * @example const pack = readPackSource(fileURLToPath(new URL('../pack', import.meta.url)));
 */
export function readPackSource(path: string): Pack {
  const source = loadPackSource(path);
  if (source.errors.length || source.value === undefined) throw new PackSourceError(source.errors);
  return source.value as Pack;
}

/** Thrown by {@link readPackSource}; `errors` name the file and line of each problem. */
export class PackSourceError extends Error {
  readonly errors: PackError[];
  constructor(errors: PackError[]) {
    super(`The pack source cannot be read:\n${errors.map((e) => `  ${e.file ?? ''}${e.line !== undefined ? `:${e.line}:${e.column}` : ''}: ${e.message}`).join('\n')}`);
    this.name = 'PackSourceError';
    this.errors = errors;
  }
}

function locate(files: SourceFile[], pointer: string): SourceLocation | undefined {
  const path = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [packFile, ...caseFiles] = files;
  if (!packFile) return undefined;
  if (path[0] === 'cases' && path.length > 1 && caseFiles.length) {
    const index = Number(path[1]);
    const f = caseFiles.find((c) => c.firstCase !== undefined && index >= c.firstCase && index < c.firstCase + c.caseCount!);
    if (f) return { file: f.file, ...position(f, ['cases', index - f.firstCase!, ...path.slice(2)]) };
  }
  return { file: packFile.file, ...position(packFile, path) };
}

/** Line and column (1-based) of the deepest node on `path` that the file has; a property by its name. */
function position(f: SourceFile, path: (string | number)[]): { line: number; column: number } {
  let node = parseTree(f.text);
  if (!node) return { line: 1, column: 1 };
  for (const segment of path) {
    const next: JsonNode | undefined = node.type === 'object'
      ? node.children?.find((p) => p.children?.[0]?.value === String(segment))?.children?.[1]
      : node.type === 'array' ? node.children?.[Number(segment)] : undefined;
    if (!next) break;
    node = next;
  }
  return lineColumn(f.text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
}
