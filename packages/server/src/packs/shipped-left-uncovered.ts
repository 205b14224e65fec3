import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CouncilPlugin } from '../engine/index.js';
import { LEFT_UNCOVERED_FILE, readLeftUncovered } from '../engine/boundary-coverage-job.js';
import type { ShippedReasons } from '../engine/boundary-coverage-job.js';
import { COUNCIL_PLUGIN_PACKAGES } from '../seed/council-plugins.js';

const require = createRequire(import.meta.url);

/** Per council id: the package's recorded reasons, read once (a package's files do not change while the server runs). */
const read = new Map<string, Promise<Omit<ShippedReasons, 'pack'> | undefined>>();

async function readShipped(councilId: string, packages: readonly string[]): Promise<Omit<ShippedReasons, 'pack'> | undefined> {
  for (const name of packages) {
    let id: unknown;
    try { id = ((await import(name)) as { default?: { id?: unknown } }).default?.id; } catch { continue; }
    if (id !== councilId) continue;
    const file = `${name}/pack/${LEFT_UNCOVERED_FILE}`;
    let path: string;
    try { path = require.resolve(file); } catch { return undefined; }
    // A package without the file records no reasons: every side no case tests is shown untested.
    if (!existsSync(path)) return undefined;
    return { file, entries: readLeftUncovered(readFileSync(path, 'utf8'), file) };
  }
  return undefined;
}

/**
 * The reasons a council's plugin package records for threshold sides its cases leave untested
 * (`pack/left-uncovered-boundaries.json` beside its pack.json), with the pack they were written
 * about; undefined when the package records none. Drafts and versions in the store carry only
 * the pack, never this file, so the package's list is the one record of these reasons.
 * A list that is not one throws an error naming the file and the entry.
 * @example await shippedLeftUncovered(plugins.get('birmingham')) // { file: '@openqaf/councils-birmingham/pack/left-uncovered-boundaries.json', entries: [...], pack }
 */
export async function shippedLeftUncovered(plugin: CouncilPlugin | undefined, packages: readonly string[] = COUNCIL_PLUGIN_PACKAGES): Promise<ShippedReasons | undefined> {
  if (!plugin) return undefined;
  let found = read.get(plugin.id);
  if (!found) {
    found = readShipped(plugin.id, packages);
    read.set(plugin.id, found);
    // A failed read is tried again next time, not remembered.
    found.catch(() => read.delete(plugin.id));
  }
  const shipped = await found;
  return shipped && { ...shipped, pack: plugin.pack };
}
