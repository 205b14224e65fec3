import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openPgliteDb } from '../store/index.js';

describe('migration 018: determinations of visit records not signed off become provisional', () => {
  it('marks the assessments of submitted and returned visit records provisional, keeps signed-off and direct ones final', async () => {
    const db = await openPgliteDb();
    try {
      const migrations = await loadMigrations();
      await migrate(db, migrations.filter((m) => m.version < 18));
      await db.exec(`
        INSERT INTO councils (id, name) VALUES ('testshire', 'Testshire Council');
        INSERT INTO providers (id, council_id, name) VALUES ('p1', 'testshire', 'Acme Care');
        INSERT INTO assessments (id, council_id, provider_id, assessment_date, input, created_by) VALUES
          ('a-direct', 'testshire', 'p1', '2025-03-01', '{"date":"2025-03-01"}', 'olive'),
          ('a-submitted', 'testshire', 'p1', '2025-03-02', '{"date":"2025-03-02"}', 'olive'),
          ('a-returned-first', 'testshire', 'p1', '2025-03-03', '{"date":"2025-03-03"}', 'olive'),
          ('a-returned-now', 'testshire', 'p1', '2025-03-03', '{"date":"2025-03-03"}', 'olive'),
          ('a-signed', 'testshire', 'p1', '2025-03-04', '{"date":"2025-03-04"}', 'olive'),
          ('a-final', 'testshire', 'p1', '2025-03-05', '{"date":"2025-03-05"}', 'olive');
        INSERT INTO visit_records (id, council_id, provider_id, status, draft, assessment_id, created_by, updated_by) VALUES
          ('v-submitted', 'testshire', 'p1', 'submitted', '{}', 'a-submitted', 'olive', 'olive'),
          ('v-returned', 'testshire', 'p1', 'draft', '{}', 'a-returned-now', 'olive', 'rita'),
          ('v-signed', 'testshire', 'p1', 'signed-off', '{}', 'a-signed', 'olive', 'rita'),
          ('v-final', 'testshire', 'p1', 'final', '{}', 'a-final', 'olive', 'rita');
        INSERT INTO audit_log (actor, council_id, action, entity, entity_id, detail) VALUES
          ('olive', 'testshire', 'visit-submitted', 'visit', 'v-returned', '{"assessmentId":"a-returned-first"}'),
          ('olive', 'testshire', 'visit-submitted', 'visit', 'v-returned', '{"assessmentId":"a-returned-now"}'),
          ('olive', 'testshire', 'visit-submitted', 'visit', 'v-signed', '{"assessmentId":"a-signed"}');
      `);
      expect(await migrate(db, migrations)).toContain('018_provisional_determinations');
      const rows = await db.query<{ id: string; provisional: boolean }>('SELECT id, provisional FROM assessments ORDER BY id');
      expect(Object.fromEntries(rows.map((r) => [r.id, r.provisional]))).toEqual({
        'a-direct': false,
        'a-final': false,
        'a-returned-first': true,
        'a-returned-now': true,
        'a-signed': false,
        'a-submitted': true,
      });
      const [visit] = await db.query<{ facts_confirmed: unknown }>("SELECT facts_confirmed FROM visit_records WHERE id = 'v-submitted'");
      expect(visit!.facts_confirmed).toBeNull();
    } finally {
      await db.close();
    }
  });
});
