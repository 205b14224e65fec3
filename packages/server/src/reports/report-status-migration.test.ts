import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openPgliteDb } from '../store/index.js';
import { reportStatusOf, reportVisit } from './report-visit.js';

describe('migration 014: the report status becomes the visit record status', () => {
  it('moves visit records on to their report status, gives old reports without one a visit record, and drops report_shares.status', async () => {
    const db = await openPgliteDb();
    try {
      const migrations = await loadMigrations();
      await migrate(db, migrations.filter((m) => m.version < 14));
      await db.exec(`
        INSERT INTO councils (id, name) VALUES ('testshire', 'Testshire Council');
        INSERT INTO users (id, email, name, password_hash) VALUES ('olive', 'olive@example.test', 'Olive Officer', 'x'), ('rita', 'rita@example.test', 'Rita Reviewer', 'x');
        INSERT INTO providers (id, council_id, name) VALUES ('p1', 'testshire', 'Acme Care');
        INSERT INTO assessments (id, council_id, provider_id, assessment_date, input, created_by) VALUES
          ('a-old-shared', 'testshire', 'p1', '2025-03-01', '{"date":"2025-03-01","judgements":{}}', 'olive'),
          ('a-old-final', 'testshire', 'p1', '2025-03-02', '{"date":"2025-03-02","judgements":{}}', 'olive'),
          ('a-visit', 'testshire', 'p1', '2025-03-03', '{"date":"2025-03-03","judgements":{}}', 'olive'),
          ('a-unshared', 'testshire', 'p1', '2025-03-04', '{"date":"2025-03-04","judgements":{}}', 'olive');
        INSERT INTO visit_records (id, council_id, provider_id, status, draft, assessment_id, created_by, updated_by) VALUES
          ('v-signed', 'testshire', 'p1', 'signed-off', '{}', 'a-visit', 'olive', 'rita'),
          ('v-unshared', 'testshire', 'p1', 'submitted', '{}', 'a-unshared', 'olive', 'olive');
        INSERT INTO visit_events (visit_id, from_status, to_status, by_user) VALUES ('v-signed', 'submitted', 'signed-off', 'rita');
        INSERT INTO report_shares (assessment_id, council_id, provider_id, status, shared_by, shared_on, challenge_days, challenge_until, challenge_basis, challenge_why, finalised_by, finalised_at) VALUES
          ('a-old-shared', 'testshire', 'p1', 'shared', 'olive', '2025-03-10', 14, '2025-03-24', 'council', 'default', NULL, NULL),
          ('a-old-final', 'testshire', 'p1', 'final', 'olive', '2025-03-10', 14, '2025-03-24', 'council', 'default', 'olive', '2025-03-30T10:00:00Z'),
          ('a-visit', 'testshire', 'p1', 'final', 'olive', '2025-03-11', 14, '2025-03-25', 'council', 'default', 'olive', '2025-03-31T10:00:00Z');
      `);
      expect(await migrate(db, migrations)).toContain('014_report_status_is_visit_status');

      const status = async (assessment: string) => reportStatusOf(await reportVisit(db, assessment));
      expect(await status('a-old-shared')).toBe('shared');
      expect(await status('a-old-final')).toBe('final');
      expect(await status('a-visit')).toBe('final');
      expect(await status('a-unshared')).toBe('draft');
      // The signed-off visit keeps its reviewer; an old report had none recorded, and none is invented.
      expect((await reportVisit(db, 'a-visit'))!.reviewer).toEqual({ name: 'Rita Reviewer', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect((await reportVisit(db, 'a-old-final'))!.reviewer).toBeNull();
      const steps = await db.query<{ visit_id: string; from_status: string | null; to_status: string; by_user: string; at: Date }>(
        "SELECT visit_id, from_status, to_status, by_user, at FROM visit_events WHERE visit_id IN ('v-signed', 'report-a-old-final') ORDER BY visit_id, id");
      expect(steps.map((e) => [e.visit_id, e.from_status, e.to_status, e.by_user])).toEqual([
        ['report-a-old-final', null, 'shared', 'olive'],
        ['report-a-old-final', 'shared', 'final', 'olive'],
        ['v-signed', 'submitted', 'signed-off', 'rita'],
        ['v-signed', 'signed-off', 'shared', 'olive'],
        ['v-signed', 'shared', 'final', 'olive'],
      ]);
      expect(steps.at(-1)!.at.toISOString()).toBe('2025-03-31T10:00:00.000Z');
      const columns = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'report_shares'");
      expect(columns.map((c) => c.column_name)).not.toContain('status');
      await expect(db.query("UPDATE visit_records SET assessment_id = 'a-visit' WHERE id = 'v-unshared'")).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
