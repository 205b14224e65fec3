import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStore } from '../store/test-stores.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { FINAL_ASSESSMENT_SQL } from './current-determination.js';

describe.each(testStoreKinds)('whether an assessment is final ($name)', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await kind.open();
  });
  afterAll(async () => store?.dispose());

  // The dashboard, rating mix, what-if and provider record ask it of each assessment they read:
  // the visit record pointing at an assessment is found through the unique index on
  // visit_records (assessment_id) that migration 014 created (partial: where assessment_id is set),
  // never by reading every visit record.
  it("finds the assessment's visit record through the index on its assessment_id", async () => {
    const plan = await store.db.transaction(async (tx) => {
      // So few rows would be read by a scan anyway: ask whether the index can serve at all.
      await tx.exec('SET LOCAL enable_seqscan = off');
      await tx.exec('SET LOCAL enable_bitmapscan = off');
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT ${FINAL_ASSESSMENT_SQL} AS final FROM assessments a WHERE a.id = 'x'`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan using visit_records_assessment on visit_records fv/);
    expect(plan).toMatch(/Index Cond: \(assessment_id = a\.id\)/);
  });
});
