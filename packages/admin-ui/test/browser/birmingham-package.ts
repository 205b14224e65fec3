import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CouncilPlugin } from '@openqaf/engine';

// The council packages are the server's dependencies: found from the server's own folder.
const fromServer = createRequire(new URL('../../node_modules/@openqaf/server/package.json', import.meta.url));

/** The Birmingham plugin the test server seeds, as its package ships it. */
export async function birminghamPlugin(): Promise<CouncilPlugin> {
  const url = new URL('dist/index.js', pathToFileURL(fromServer.resolve('@openqaf/councils-birmingham/package.json'))).href;
  return ((await import(url)) as { default: CouncilPlugin }).default;
}

/**
 * What the browser tests read from the seeded Birmingham pack rather than pin: its number of cases,
 * its version and the next patch version a publish gives it (a pack change bumps both).
 */
export async function birminghamAsShipped(): Promise<{ cases: number; version: string; nextPatch: string }> {
  const { pack } = await birminghamPlugin();
  const [major, minor, patch] = pack.metadata.version.split('.').map(Number);
  return { cases: (pack.cases ?? []).length, version: pack.metadata.version, nextPatch: `${major}.${minor}.${patch! + 1}` };
}
