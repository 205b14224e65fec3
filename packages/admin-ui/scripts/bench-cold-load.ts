import type { Browser, Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_PAGE } from '../src/routing/route.js';
import type { PageIds } from '../src/routing/route.js';
import { hasChromium, launchChromium } from '../test/browser/chromium.js';
import { coldLoad, seedPageIds, signInCookies } from '../test/browser/page-load.js';
import type { ColdLoad } from '../test/browser/page-load.js';
import { startTestServer } from '../test/browser/start-server.js';
import type { TestServer, TestServerBuild } from '../test/browser/start-server.js';

/**
 * The cold-load benchmark, A/B (`pnpm --filter @openqaf/admin-ui bench:cold-load`; a script, not a
 * test: CI never runs it). A build to compare with (A: `QAF_BENCH_A_SERVER`, the `index.js` of a
 * built server dist, and `QAF_BENCH_A_UI`, a built admin UI dist) against this checkout's builds
 * (B), each on its own server with the same seeded data. Every page is loaded cold at 390 px
 * `QAF_BENCH_RUNS` times (default 3) from each, A and B in turn (A B, B A, ...), and the medians
 * are printed. Figures only, nothing about speed is asserted. The A server (its `dist/` with its
 * `package.json` beside it) must sit inside the server package so that its imports resolve, e.g.
 * `packages/server/node_modules/.bench-base/`: see docs/user-guide.md, "For developers".
 * @example B=$PWD/../server/node_modules/.bench-base QAF_BENCH_A_SERVER=$B/dist/index.js QAF_BENCH_A_UI=$B/ui/ pnpm bench:cold-load
 */
const A_SERVER = process.env.QAF_BENCH_A_SERVER;
const RUNS = Number(process.env.QAF_BENCH_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!hasChromium) throw new Error('The cold-load benchmark needs Chromium (apt-get install chromium, or set QAF_CHROMIUM)');
if (!A_SERVER || !process.env.QAF_BENCH_A_UI) throw new Error('Set QAF_BENCH_A_SERVER (a built server dist\'s index.js) and QAF_BENCH_A_UI (a built admin UI dist) to the build to compare with');

describe('cold load A/B benchmark (every page, medians)', () => {
  const sides: { name: 'A' | 'B'; server?: TestServer; ids?: PageIds; cookies?: Cookie[] }[] = [{ name: 'A' }, { name: 'B' }];
  let browser: Browser;
  const rows: string[] = [];

  beforeAll(async () => {
    const a: TestServerBuild = { server: (await import(A_SERVER!)) as TestServerBuild['server'], uiDir: process.env.QAF_BENCH_A_UI! };
    browser = await launchChromium();
    for (const side of sides) {
      side.server = await startTestServer(side.name === 'A' ? a : undefined);
      side.ids = await seedPageIds(side.server.url);
      side.cookies = await signInCookies(browser, side.server.url);
    }
  }, 600_000);

  afterAll(async () => {
    if (rows.length) console.log(`[admin-ui] cold load A/B at 390 px, medians of ${RUNS} interleaved runs (usable / settled / DOMContentLoaded ms; kB):\n  ${rows.join('\n  ')}`);
    await browser?.close();
    for (const side of sides) await side.server?.stop();
  });

  it.each(Object.keys(EVERY_PAGE) as (keyof typeof EVERY_PAGE)[])('%s', async (name) => {
    const loads: Record<'A' | 'B', ColdLoad[]> = { A: [], B: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const side of run % 2 ? [...sides].reverse() : sides) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        try {
          await context.addCookies(side.cookies!);
          loads[side.name].push((await coldLoad(context, side.server!.url, EVERY_PAGE[name](side.ids!))).load);
        } finally {
          await context.close();
        }
      }
    }
    const cell = (l: ColdLoad[]) => `${median(l.map((x) => x.usableMs))} / ${median(l.map((x) => x.settledMs))} / ${median(l.map((x) => x.dclMs))}; ${median(l.map((x) => x.kB))} kB`;
    rows.push(`${name.padEnd(14)} A ${cell(loads.A).padEnd(28)} B ${cell(loads.B)}`);
    expect(loads.B).toHaveLength(RUNS);
  }, 600_000);
});
