import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PackError } from '../errors.js';
import type { CouncilPlugin, Extensions } from '../types.js';
import { loadPackSource } from '../source/load-pack-source.js';

/**
 * A pack read by the CLI: its bundled JSON (or the errors reading it), where it came from,
 * plugin extensions, and how to find the file and line of a validation error.
 */
export interface LoadedPack {
  source: string;
  value?: unknown;
  errors: PackError[];
  extensions?: Extensions;
  locateErrors: (errors: PackError[]) => PackError[];
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
 * Loads `<pack>` for the CLI: a pack folder (`pack.json` and `cases/*.json`), a bundled pack
 * JSON file, a council package folder, or the id of an installed council plugin
 * (`birmingham` finds packages/councils-birmingham or @openqaf/councils-birmingham).
 */
export async function loadPack(ref: string, cwd = process.cwd()): Promise<LoadedPack> {
  const path = resolve(cwd, ref);
  let pkgDir: string | undefined;
  let source: string | undefined;
  if (existsSync(path)) {
    source = path;
    if (councilPackage(path)) pkgDir = path;
    else if (councilPackage(dirname(path))) pkgDir = dirname(path);
    if (pkgDir === path) source = join(pkgDir, councilPackage(pkgDir)!);
  } else {
    pkgDir = findCouncilPackage(ref, cwd);
    if (pkgDir) source = join(pkgDir, councilPackage(pkgDir) ?? 'pack');
  }
  if (!source) {
    return { source: ref, errors: [{ code: 'cli.not-found', pointer: '', message: `No pack file, pack folder or council plugin called "${ref}".`, hint: 'Give a path to a pack folder or a pack JSON file, or a council id such as "birmingham".' }], locateErrors: (e) => e };
  }
  const read = loadPackSource(source);
  const extensions = pkgDir ? await pluginExtensions(pkgDir) : undefined;
  return {
    source, errors: read.errors, locateErrors: read.locateErrors,
    ...(read.value !== undefined ? { value: read.value } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

/** The pack path a council package declares (`openqaf.pack` in its package.json), if it is one. */
function councilPackage(dir: string): string | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  const meta = JSON.parse(readFileSync(file, 'utf8')) as { openqaf?: { pack?: string } };
  return meta.openqaf ? meta.openqaf.pack ?? 'pack' : undefined;
}
