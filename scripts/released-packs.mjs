#!/usr/bin/env node
/**
 * Regenerates each council's fixture of released pack versions from git:
 * packages/councils-<council>/released/<council>.json.gz.
 *
 * A released version is every distinct content hash (the engine's `packHash`) the council's pack
 * had on the history of a ref (default `main`): the commits that touched `pack.json` (before the
 * pack became a folder) or `pack/` (pack/pack.json and pack/cases/*.json, bundled by the engine's
 * loader). For each hash the fixture keeps the bundle (rules, version and cases) as it stood at the
 * last commit with that hash, the hash, and the first and last commit. The council packages' tests
 * (src/released-versions.test.ts) compile every one with today's engine and plugin and run its cases.
 *
 * Needs the engine built (packages/engine/dist).
 * Usage: node scripts/released-packs.mjs [--ref main] [council ...]
 * See docs/add-a-council.md, "Changing a pack: every released version keeps working".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadPackSource, packHash } = await import(join(root, 'packages/engine/dist/index.js'));

const args = process.argv.slice(2);
const refAt = args.indexOf('--ref');
const ref = refAt >= 0 ? args[refAt + 1] : 'main';
if (refAt >= 0) args.splice(refAt, 2);
const councils = args.length
  ? args
  : readdirSync(join(root, 'packages')).filter((d) => d.startsWith('councils-')).map((d) => d.slice('councils-'.length)).sort();

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });

/** The council's bundled pack at a commit, read from a copy of its pack folder or pack.json. */
function bundleAt(commit, council) {
  const base = `packages/councils-${council}`;
  const files = git('ls-tree', '-r', '--name-only', commit, '--', `${base}/pack`, `${base}/pack.json`).split('\n').filter(Boolean);
  const inFolder = files.filter((f) => f.startsWith(`${base}/pack/`) && f.endsWith('.json'));
  const tmp = mkdtempSync(join(tmpdir(), 'released-packs-'));
  try {
    let path;
    if (inFolder.some((f) => f === `${base}/pack/pack.json`)) {
      for (const f of inFolder) {
        const to = join(tmp, f.slice(base.length + 1));
        mkdirSync(dirname(to), { recursive: true });
        writeFileSync(to, git('show', `${commit}:${f}`));
      }
      path = join(tmp, 'pack');
    } else if (files.includes(`${base}/pack.json`)) {
      path = join(tmp, 'pack.json');
      writeFileSync(path, git('show', `${commit}:${base}/pack.json`));
    } else return undefined;
    const source = loadPackSource(path);
    if (source.errors.length) throw new Error(`${council} at ${commit}: ${source.errors.map((e) => e.message).join('; ')}`);
    return source.value;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

for (const council of councils) {
  const base = `packages/councils-${council}`;
  const commits = git('log', ref, '--reverse', '--format=%H %cI', '--', `${base}/pack.json`, `${base}/pack`).split('\n').filter(Boolean);
  /** @type {Map<string, { hash: string, version: string, firstCommit: string, firstDate: string, lastCommit: string, pack: unknown }>} */
  const byHash = new Map();
  for (const line of commits) {
    const [commit, date] = line.split(' ');
    const pack = bundleAt(commit, council);
    if (!pack) continue;
    const hash = packHash(pack);
    const seen = byHash.get(hash);
    const entry = { hash, version: pack.metadata?.version, firstCommit: seen?.firstCommit ?? commit, firstDate: seen?.firstDate ?? date, lastCommit: commit, pack };
    byHash.set(hash, entry);
  }
  const versions = [...byHash.values()];
  const fixture = { council, ref, refCommit: git('rev-parse', ref).trim(), versions };
  const out = join(root, base, 'released', `${council}.json.gz`);
  mkdirSync(dirname(out), { recursive: true });
  const gz = gzipSync(JSON.stringify(fixture), { level: 9 });
  writeFileSync(out, gz);
  console.log(`${council}: ${versions.length} released versions from ${commits.length} commits (${versions.map((v) => v.version).join(', ')}) -> ${out.slice(root.length + 1)} (${Math.round(gz.length / 1024)} KiB)`);
}
