import { explainDetermination, packHash, type Determination } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import type { Pack } from '../engine/index.js';
import { insertVersion } from '../packs/versions.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import fixture from '../test-fixtures/stored-before-rules-hash.json' with { type: 'json' };
import { seedCouncils } from './index.js';

interface StoredAssessment {
  version: string;
  input: { date: string };
  determination: Record<string, unknown>;
  stored: Record<string, unknown>;
}

const versions = fixture.versions as unknown as { hash: string; content: Pack }[];
const assessments = fixture.assessments as unknown as StoredAssessment[];

/**
 * A store as the server left it before the content hash covered only the rules: Testshire
 * seeded with version 1.0.0 and a later 1.1.0 published, each under its whole-pack hash.
 */
async function storeBeforeUpgrade(kind: (typeof testStoreKinds)[number]) {
  const store = await kind.open();
  await store.db.transaction(async (tx) => {
    await tx.query("INSERT INTO councils (id, name) VALUES ('testshire', 'Testshire Council')");
    let basedOn: string | null = null;
    for (const v of versions) {
      basedOn = (await insertVersion(tx, { councilId: 'testshire', content: v.content, hash: v.hash, author: null, note: 'before the upgrade', basedOn })).id;
    }
    await tx.query('INSERT INTO drafts (council_id, content, base_version_id) VALUES ($1, $2, $3)', ['testshire', JSON.stringify(versions.at(-1)!.content), basedOn]);
  });
  return store;
}

/**
 * The wording fixes made to explanation words since these determinations were stored, each named:
 * the words of a stored explanation are those stored, except exactly these (anything else must match).
 * - stop 18: a count of one reads in the singular ("at most 1 criterion", "exactly 1 domain").
 * - reportwords: a yes/no input reads as its answer, by the pack's words for it ({@link yesNoAnswers}).
 */
function withWordingFixes(words: unknown, content: Pack): unknown {
  const fixes = [singularCounts, yesNoAnswers(content)];
  return JSON.parse(fixes.reduce((text, fix) => fix(text), JSON.stringify(words)));
}

/** Stop 18: a count of one reads in the singular. */
function singularCounts(text: string): string {
  return text.replace(/\b1 criteria\b/g, '1 criterion').replace(/\b1 domains\b/g, '1 domain');
}

/**
 * Reportwords: a yes/no input compared with yes or no reads by the pack's description of it and
 * as the answer recorded, with the one needed when it fails ("concerns is true: no, it was false"
 * -> "Serious concerns were raised: no (yes needed)"; "...: yes (true)" -> "...: yes").
 */
function yesNoAnswers(content: Pack) {
  const yesNo = (v: string) => (v === 'true' ? 'yes' : v === 'false' ? 'no' : v);
  return (text: string): string => text.replace(/"(\s*)(\w+) is (true|false): (?:yes \((true|false)\)|no, it was (true|false|not recorded))"/g,
    (whole, indent: string, fact: string, wanted: string, held?: string, was?: string) => {
      const described = (content.inputs.properties[fact] as { description?: string } | undefined)?.description;
      if (!described) return whole;
      return held !== undefined ? `"${indent}${described}: ${yesNo(held)}"` : `"${indent}${described}: ${yesNo(was!)} (${yesNo(wanted)} needed)"`;
    });
}

describe.each(testStoreKinds)('pack versions stored under the whole-pack hash, after the upgrade, on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  let before: unknown[];
  beforeAll(async () => {
    const store = await storeBeforeUpgrade(kind);
    before = await store.db.query("SELECT id, seq, version, hash, content FROM pack_versions WHERE council_id = 'testshire' ORDER BY seq");
    // Starting the upgraded server seeds on this store, as a restart after an upgrade does.
    t = await makeTestApp({ name: kind.name, open: async () => store });
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
  });
  afterAll(async () => t?.dispose());

  it('keep hashes that differ from the rules hash, so the test exercises the stored hash', () => {
    for (const v of versions) expect(v.hash).not.toBe(packHash(v.content));
  });

  it('give byte-identical determinations on submit, re-evaluation and explanation', async () => {
    for (const a of assessments) {
      const hash = versions.find((v) => v.content.metadata.version === a.version)!.hash;
      const res = await t.call('POST', '/api/councils/testshire/assessments', { as: 'testshireOfficer', body: { providerId, ...a.input } });
      expect(res.status).toBe(201);
      expect([res.body.packVersion, res.body.packHash]).toEqual([a.version, hash]);
      // The explanation changed form (words then, data now, format 2): the determination without it is
      // byte-identical, and the words made from the new explanation are the words stored then.
      const { explanation, ...decided } = res.body.determination as Determination;
      const { trace: wordsThen, ...decidedThen } = a.determination as unknown as Determination;
      expect(JSON.stringify(decided)).toBe(JSON.stringify(decidedThen));
      const content = versions.find((v) => v.content.metadata.version === a.version)!.content;
      expect(explainDetermination(content, { ...decided, explanation } as Determination)).toStrictEqual(withWordingFixes(wordsThen, content));

      const again = await t.call('POST', `/api/councils/testshire/assessments/${res.body.id}/reevaluate`, { as: 'testshireViewer' });
      expect(again.body.identical).toBe(true);
      expect(JSON.stringify(again.body.reproduced)).toBe(JSON.stringify(a.stored));

      // The store keeps JSON (jsonb orders keys its own way), so these compare as values.
      const explained = await t.call('GET', `/api/councils/testshire/assessments/${res.body.id}?explain=true`, { as: 'testshireViewer' });
      expect(explained.body.determination).toStrictEqual(res.body.determination);
    }
  });

  it('compare a draft with the published version in what-if under the stored hash', async () => {
    const res = await t.call('POST', '/api/councils/testshire/what-if', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.body.published.hash).toBe(versions.at(-1)!.hash);
    expect(res.body.errors).toEqual([]);
    expect(res.body.changed).toEqual([]);
  });

  it('seed nothing new on a restart: no version is added, re-hashed or overwritten', async () => {
    const outcomes = await seedCouncils(t.db, testPlugins, () => undefined);
    expect(outcomes.map((o) => o.outcome)).toEqual(['already-present', 'already-present']);
    const after = await t.db.query("SELECT id, seq, version, hash, content FROM pack_versions WHERE council_id = 'testshire' ORDER BY seq");
    expect(after).toEqual(before);
  });
});
