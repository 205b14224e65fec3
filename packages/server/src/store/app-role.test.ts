import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { APPEND_ONLY_TABLES } from './app-role.js';
import type { Db } from './db.js';
import { openPostgresDb, openStore, quoteIdentifier } from './index.js';
import { testDatabaseUrl, uniqueSchemaName } from './test-stores.test-helpers.js';

/** The SQLSTATE of the error `promise` fails with. */
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe.runIf(testDatabaseUrl)('the server running as a role that does not own the tables', () => {
  const schema = uniqueSchemaName();
  const role = `${schema}_app`;
  let owner: Db;
  let t: TestApp;

  beforeAll(async () => {
    owner = await openPostgresDb({ connectionString: testDatabaseUrl!, maxConnections: 1 });
    const password = randomBytes(12).toString('hex');
    await owner.exec(`CREATE ROLE ${quoteIdentifier(role)} LOGIN PASSWORD '${password}'`);
    const appUrl = new URL(testDatabaseUrl!);
    appUrl.username = role;
    appUrl.password = password;
    t = await makeTestApp({
      name: 'postgres',
      async open() {
        const db = await openStore({ databaseUrl: appUrl.toString(), migrationUrl: testDatabaseUrl, schema });
        return { db, dispose: () => db.close() };
      },
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await owner.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    await owner.exec(`DROP ROLE IF EXISTS ${quoteIdentifier(role)}`);
    await owner.close();
  });

  it('serves normal requests: migrated as the owner, running as the restricted role', async () => {
    expect((await t.db.query<{ who: string }>('SELECT current_user AS who'))[0]!.who).toBe(role);
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Granted Care' } });
    expect(provider.status).toBe(201);
    const assessment = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer',
      body: { providerId: provider.body.id, date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } },
    });
    expect(assessment.status).toBe(201);
    const audit = await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireAdmin' });
    expect(audit.status).toBe(200);
    // Officer assignments are a working table: assigned, re-assigned (an update) and removed as the restricted role.
    const officerPath = `/api/councils/testshire/providers/${provider.body.id}/officer`;
    expect((await t.call('PUT', `${officerPath}/${t.userIds.testshireOfficer}`, { as: 'testshireAdmin' })).status).toBe(200);
    expect((await t.call('PUT', `${officerPath}/${t.userIds.testshireAdmin}`, { as: 'testshireAdmin' })).status).toBe(200);
    expect((await t.call('DELETE', officerPath, { as: 'testshireAdmin' })).status).toBe(204);
  });

  it('records a visit as the restricted role, writing its lifecycle steps', async () => {
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Visited Care' } });
    const visit = await t.call('POST', '/api/councils/testshire/visits', { as: 'testshireOfficer', body: { providerId: provider.body.id, date: '2025-03-01' } });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    const saved = await t.call('PUT', `/api/councils/testshire/visits/${visit.body.id}/draft`, {
      as: 'testshireOfficer', body: { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } }, headers: { 'if-match': '"1"' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await t.call('POST', `/api/councils/testshire/visits/${visit.body.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  it('publishes over a past period, re-determines and rolls back as the restricted role (writing the append-only history tables)', async () => {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.rules.find((r: { id: string }) => r.id === 'silver').when.value = 4;
    expect((await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } })).status).toBe(200);
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin', body: { note: 'Silver needs four', version: '1.1.0', effectiveFrom: '2025-01-01', confirmPastDate: true, acknowledgeFindings: true },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const redetermined = await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireAdmin', body: { reason: 'published over the visit date' } });
    expect(redetermined.status, JSON.stringify(redetermined.body)).toBe(200);
    expect(redetermined.body.redetermined.length).toBeGreaterThan(0);
    const rolledBack = await t.call('POST', '/api/councils/testshire/versions/1.0.0/rollback', { as: 'testshireAdmin', body: { note: 'Threshold changed by mistake' } });
    expect(rolledBack.status, JSON.stringify(rolledBack.body)).toBeLessThan(300);
  });

  it('records a person\'s decision on a stored determination as the restricted role', async () => {
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(draft.body.content);
    content.decisions.overallRating.decidedBy = { role: 'team-manager', label: 'the team manager', within: { workingDays: 10 }, values: ['Bronze', 'Silver', 'Gold'], source: content.decisions.overallRating.source };
    expect((await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': draft.headers.get('etag')! } })).status).toBe(200);
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', {
      as: 'testshireAdmin', body: { note: 'Team manager decides', version: '3.0.0', effectiveFrom: '2030-01-01', confirmPastDate: true, acknowledgeFindings: true },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Decided Care' } });
    const assessment = await t.call('POST', '/api/councils/testshire/assessments', {
      as: 'testshireOfficer', body: { providerId: provider.body.id, date: '2030-01-07', judgements: judgements(3), facts: { concerns: false } },
    });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
    const decided = await t.call('POST', `/api/councils/testshire/assessments/${assessment.body.id}/decisions`, {
      as: 'testshireAdmin', body: { decisions: { overallRating: { value: 'Bronze', reason: 'Staffing shortfalls' } } },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
  });

  it.each(APPEND_ONLY_TABLES)('cannot update, delete, truncate, alter or disable the triggers of %s', async (table) => {
    const [{ n }] = (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    const denied = '42501';
    // Any column will do: the grant is refused before the column's value matters.
    const [{ column }] = (await t.db.query<{ column: string }>('SELECT column_name AS column FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position LIMIT 1', [table])) as [{ column: string }];
    expect(await sqlState(t.db.query(`UPDATE ${table} SET ${quoteIdentifier(column)} = ${quoteIdentifier(column)}`))).toBe(denied);
    expect(await sqlState(t.db.query(`DELETE FROM ${table}`))).toBe(denied);
    expect(await sqlState(t.db.query(`TRUNCATE ${table}`))).toBe(denied);
    expect(await sqlState(t.db.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`))).toBe(denied);
    expect(await sqlState(t.db.query(`ALTER TABLE ${table} OWNER TO ${quoteIdentifier(role)}`))).toBe(denied);
    expect(await sqlState(t.db.query(`DROP TABLE ${table}`))).toBe(denied);
    expect((await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n).toBe(n);
  });

  it('cannot rewrite the record of applied migrations', async () => {
    expect(await sqlState(t.db.query('DELETE FROM schema_migrations'))).toBe('42501');
    expect(await sqlState(t.db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'x')"))).toBe('42501');
  });
});
