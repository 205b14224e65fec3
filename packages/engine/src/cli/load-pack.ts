import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PackError } from '../errors.js';
import type { CouncilPlugin, Extensions } from '../types.js';
import { parseJson } from '../schema/parse-json.js';

/** A pack read by the CLI: its parsed JSON (or the errors reading it), where it came from, and plugin extensions. */
export interface LoadedPack {
  source: string;
  value?: unknown;
  errors: PackError[];
  extensions?: Extensions;
}

/** Folders from `start` up to the file system root. */
function ancestors(start: string): string[] {
  const out: string[] = [];
  let dir = resolve(start);
  for (;;) {
    out.push(dir);
    const up = dirname(dir);
    if (up === dir) return out;
    dir = up;
  }
}

/** Finds an installed council plugin's package folder by council id. */
export function findCouncilPackage(id: string, cwd = process.cwd()): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) return undefined;
  for (const dir of ancestors(cwd)) {
    const candidate = join(dir, 'packages', `councils-${id}`);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  try {
    const req = createRequire(join(resolve(cwd), 'noop.js'));
    return dirname(req.resolve(`@openqaf/councils-${id}/package.json`));
  } catch {
    return undefined;
  }
}

/** Imports a council package's plugin for its extensions, when it has been built. */
async function pluginExtensions(pkgDir: string): Promise<Extensions | undefined> {
  const main = join(pkgDir, 'dist', 'index.js');
  if (!existsSync(main)) return undefined;
  const mod = (await import(pathToFileURL(main).href)) as { default?: CouncilPlugin };
  return mod.default?.extensions;
}

/**
 * Loads `<pack>` for the CLI: a path to a pack JSON file, or the id of an installed council
 * plugin (`birmingham` finds packages/councils-birmingham or @openqaf/councils-birmingham).
 */
export async function loadPack(ref: string, cwd = process.cwd()): Promise<LoadedPack> {
  const path = resolve(cwd, ref);
  let file: string | undefined;
  let pkgDir: string | undefined;
  if (existsSync(path)) {
    file = path;
    const besidePkg = join(dirname(path), 'package.json');
    if (existsSync(besidePkg) && (JSON.parse(readFileSync(besidePkg, 'utf8')) as { openqaf?: unknown }).openqaf) pkgDir = dirname(path);
  } else {
    pkgDir = findCouncilPackage(ref, cwd);
    if (pkgDir) {
      const meta = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { openqaf?: { pack?: string } };
      file = join(pkgDir, meta.openqaf?.pack ?? 'pack.json');
    }
  }
  if (!file) {
    return { source: ref, errors: [{ code: 'cli.not-found', pointer: '', message: `No pack file or council plugin called "${ref}".`, hint: 'Give a path to a pack JSON file, or a council id such as "birmingham".' }] };
  }
  const parsed = parseJson(readFileSync(file, 'utf8'), 'pack');
  const extensions = pkgDir ? await pluginExtensions(pkgDir) : undefined;
  if (!parsed.ok) return { source: file, errors: parsed.errors, ...(extensions ? { extensions } : {}) };
  return { source: file, value: parsed.value, errors: [], ...(extensions ? { extensions } : {}) };
}
