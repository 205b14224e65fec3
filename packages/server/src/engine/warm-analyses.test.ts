import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { latestVersion } from '../packs/versions.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { AnalysisReport } from './index.js';
import { warmAnalyses } from './warm-analyses.js';

describe('analysing the published versions as the server starts', () => {
  let t: TestApp;
  beforeAll(async () => { t = await makeTestApp(testStoreKinds[0]!); });
  afterAll(async () => t?.dispose());

  it("analyses each council's latest published version, and goes on past one that fails", async () => {
    const asked: { council: string; content: unknown }[] = [];
    await warmAnalyses(t.db, testPlugins, {
      analyse: (content, council) => {
        asked.push({ council, content });
        return asked.length === 1 ? Promise.reject(new Error('worker stopped')) : Promise.resolve({} as AnalysisReport);
      },
    });
    expect(asked.map((a) => a.council)).toEqual(['testshire', 'otherton']);
    expect(asked[1]!.content).toEqual((await latestVersion(t.db, 'otherton'))!.content);
  });
});
