import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { findDraft } from '../packs/drafts.js';
import { latestVersion } from '../packs/versions.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { AnalysisReport, PackValidation } from './index.js';
import { warmAnalyses } from './warm-analyses.js';

describe('analysing the published versions and the drafts as the server starts', () => {
  let t: TestApp;
  beforeAll(async () => { t = await makeTestApp(testStoreKinds[0]!); });
  afterAll(async () => t?.dispose());

  it("analyses each council's latest published version, then validates and analyses each draft, going on past one that fails", async () => {
    const asked: { job: string; council: string; content: unknown }[] = [];
    await warmAnalyses(t.db, testPlugins, {
      analyse: (content, council) => {
        asked.push({ job: 'analyse', council, content });
        return asked.length === 1 ? Promise.reject(new Error('worker stopped')) : Promise.resolve({} as AnalysisReport);
      },
      validate: (content, council) => {
        asked.push({ job: 'validate', council, content });
        // The first draft is invalid: it is not analysed.
        return Promise.resolve((council === 'testshire' ? { valid: false, errors: [] } : { valid: true, errors: [], pack: { the: 'normalised draft' } }) as unknown as PackValidation);
      },
    });
    expect(asked.map((a) => `${a.job} ${a.council}`)).toEqual(['analyse testshire', 'analyse otherton', 'validate testshire', 'validate otherton', 'analyse otherton']);
    expect(asked[1]!.content).toEqual((await latestVersion(t.db, 'otherton'))!.content);
    expect(asked[3]!.content).toEqual((await findDraft(t.db, 'otherton'))!.content);
    expect(asked[4]!.content).toEqual({ the: 'normalised draft' });
  });
});
