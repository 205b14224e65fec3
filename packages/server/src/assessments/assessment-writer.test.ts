import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { contentHash, sha256Text } from '../audit/content-hash.js';
import type { Queryable } from '../store/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { AssessmentWriter } from './assessment-writer.js';
import type { AssessmentToStore } from './store-assessment.js';

describe.each(testStoreKinds)('storing evaluations together on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  let versionId: string;
  let packHash: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id;
    const [v] = await t.db.query<{ id: string; hash: string }>("SELECT id, hash FROM pack_versions WHERE council_id = 'testshire'");
    versionId = v!.id;
    packHash = v!.hash;
  });
  afterAll(async () => t?.dispose());

  /** An evaluation as the route hands it over; `note` tells the rows apart. */
  const evaluation = (note: string, overrides: Partial<AssessmentToStore> = {}): AssessmentToStore => ({
    councilId: 'testshire',
    providerId,
    userId: t.userIds.testshireOfficer,
    input: { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false }, note },
    packVersionId: versionId,
    determination: {
      pack: { id: 'testshire', version: '1.0.0', hash: packHash },
      asOf: '2025-03-01',
      assessmentDate: '2025-03-01',
      headline: { decision: 'overall', value: 'Silver', scale: 'band' },
      decisions: { overall: 'Silver' },
      actions: [],
      schedule: [],
      scores: {},
      interpretations: [],
    },
    ...overrides,
  });

  /** The store, counting the store statements sent and failing any that carries `poison`. */
  const watched = (poison?: string) => {
    const sizes: number[] = [];
    const db: Queryable = {
      query: async (sql, params, options) => {
        if (options?.name === 'qaf_store_assessments') {
          sizes.push((JSON.parse(String(params![0])) as unknown[]).length);
          if (poison && JSON.stringify(params).includes(poison)) throw new Error(`refused: ${poison}`);
        }
        return t.db.query(sql, params, options);
      },
      exec: (sql) => t.db.exec(sql),
    };
    return { db, sizes };
  };

  const storedNotes = async (notes: string[]) => {
    const rows = await t.db.query<{ note: string; audits: number; determinations: number }>(
      `SELECT a.input->>'note' AS note,
              (SELECT count(*) FROM audit_log l WHERE l.entity_id = a.id AND l.action = 'assessment-create')::int AS audits,
              (SELECT count(*) FROM determinations d WHERE d.assessment_id = a.id)::int AS determinations
         FROM assessments a WHERE a.input->>'note' = ANY($1::text[]) ORDER BY a.input->>'note'`,
      [notes],
    );
    return rows;
  };

  /** Lets the writer send what it was handed this turn of the event loop. */
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('writes a lone evaluation at once, in a statement of its own', async () => {
    const { db, sizes } = watched();
    const stored = await new AssessmentWriter(db).write(evaluation('lone'));
    expect(sizes).toEqual([1]);
    expect(stored?.determinationJson).toContain('"headline":{"decision":"overall","value":"Silver"');
    expect(await storedNotes(['lone'])).toEqual([{ note: 'lone', audits: 1, determinations: 1 }]);
  });

  it('writes the evaluations handed over together in one statement, and those that arrive while it is under way in the next', async () => {
    const { db, sizes } = watched();
    const writer = new AssessmentWriter(db, { inFlight: 1 });
    const together = ['batch-a', 'batch-b'].map((n) => writer.write(evaluation(n)));
    await nextTurn();
    expect(sizes).toEqual([2]);
    const meanwhile = ['batch-c', 'batch-d', 'batch-e'].map((n) => writer.write(evaluation(n)));
    const results = await Promise.all([...together, ...meanwhile]);
    expect(sizes).toEqual([2, 3]);
    expect(results.every((r) => r !== undefined)).toBe(true);
    expect(new Set(results.map((r) => r!.assessmentId)).size).toBe(5);
    // Each evaluation whole: its assessment, its determination and its audit entry.
    const notes = ['batch-a', 'batch-b', 'batch-c', 'batch-d', 'batch-e'];
    expect(await storedNotes(notes)).toEqual(notes.map((note) => ({ note, audits: 1, determinations: 1 })));
  });

  it('keeps to the batch limit', async () => {
    const { db, sizes } = watched();
    const writer = new AssessmentWriter(db, { inFlight: 1, batchLimit: 2 });
    await Promise.all(['limit-1', 'limit-2', 'limit-3', 'limit-4', 'limit-5'].map((n) => writer.write(evaluation(n))));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('audits each stored evaluation with the hash of its canonical input and of its determination', async () => {
    const writer = new AssessmentWriter(t.db);
    const e = evaluation('audited');
    const stored = await writer.write(e);
    const [entry] = await t.db.query<{ actor: string; after_hash: string; detail: Record<string, unknown> }>(
      "SELECT actor, after_hash, detail FROM audit_log WHERE entity_id = $1 AND action = 'assessment-create'",
      [stored!.assessmentId],
    );
    expect(entry).toEqual({
      actor: t.userIds.testshireOfficer,
      after_hash: contentHash(e.input),
      detail: { providerId, packHash, headline: 'Silver', determinationHash: sha256Text(stored!.determinationJson) },
    });
  });

  it('leaves out only the evaluations the store no longer confirms', async () => {
    const { db, sizes } = watched();
    const writer = new AssessmentWriter(db, { inFlight: 1 });
    const results = await Promise.all([
      writer.write(evaluation('confirm-first')),
      writer.write(evaluation('confirm-ok')),
      writer.write(evaluation('confirm-stale-version', { packVersionId: 'no-such-version' })),
      writer.write(evaluation('confirm-gone-provider', { providerId: 'no-such-provider' })),
      writer.write(evaluation('confirm-other-council', { councilId: 'otherton' })),
    ]);
    expect(sizes).toEqual([5]);
    expect(results.map((r) => r !== undefined)).toEqual([true, true, false, false, false]);
    expect((await storedNotes(['confirm-first', 'confirm-ok', 'confirm-stale-version', 'confirm-gone-provider', 'confirm-other-council'])).map((r) => r.note)).toEqual([
      'confirm-first',
      'confirm-ok',
    ]);
  });

  it('when a shared statement fails, writes each of its evaluations alone, so only the bad one fails', async () => {
    const { db, sizes } = watched('poison-pill');
    const writer = new AssessmentWriter(db, { inFlight: 1 });
    const outcomes = await Promise.allSettled([
      writer.write(evaluation('alone-first')),
      writer.write(evaluation('alone-good-1')),
      writer.write(evaluation('poison-pill')),
      writer.write(evaluation('alone-good-2')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('refused: poison-pill');
    // The shared statement of four failed whole; then each of the four went alone.
    expect(sizes).toEqual([4, 1, 1, 1, 1]);
    expect((await storedNotes(['alone-first', 'alone-good-1', 'poison-pill', 'alone-good-2'])).map((r) => r.note)).toEqual([
      'alone-first',
      'alone-good-1',
      'alone-good-2',
    ]);
  });
});
