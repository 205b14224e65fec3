// Throwaway: PostgreSQL backend CPU per stored row, json_to_recordset($1::json) vs jsonb_to_recordset($1::text::jsonb), alternating.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
const D = '/work/wt/serverfast/packages/server/dist/';
const { loadCouncilPlugins, openStore, seedCouncils } = await import(D + 'index.js');
const { openPostgresDb, quoteIdentifier } = await import(D + 'store/index.js');
const { prepareAssessment, STORE_ASSESSMENTS_SQL } = await import(D + 'assessments/store-assessment.js');
const { BatchBytes } = await import(D + 'assessments/batch-bytes.js');
const { compile, evaluateCompiled } = await import(D + 'engine/index.js');
const { caseAssessment } = await import('@openqaf/engine');
const url = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `qaf_sqlab_${randomBytes(4).toString('hex')}`;
const db = await openStore({ databaseUrl: url, schema, poolSize: 1 });
const plugins = await loadCouncilPlugins(undefined, () => undefined);
const plugin = plugins.find((p) => p.id === 'birmingham');
await seedCouncils(db, [plugin], () => undefined);
const userId = randomUUID();
await db.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'b', 'x')", [userId, `${userId}@e.test`]);
const providers = [];
for (let i = 0; i < 50; i++) { const id = randomUUID(); providers.push(id); await db.query('INSERT INTO providers (id, council_id, name) VALUES ($1, $2, $3)', [id, 'birmingham', 'p' + i]); }
const [{ id: versionId }] = await db.query("SELECT id FROM pack_versions WHERE council_id = 'birmingham' ORDER BY seq DESC LIMIT 1");
const [{ pid }] = await db.query('SELECT pg_backend_pid() AS pid');
const compiled = compile(plugin.pack, plugin.extensions);
const cases = plugin.pack.cases.filter((c) => !c.wantError && !c.input.decisions);
const inputs = [];
for (const c of cases) { try { const a = caseAssessment(plugin.pack, c); const d = evaluateCompiled(compiled, a, { asOf: a.date }); if (d.pack.hash && a.date >= plugin.pack.metadata.effectiveFrom) inputs.push({ a, d }); } catch {} }
const OLD = STORE_ASSESSMENTS_SQL.replace('jsonb_to_recordset($1::text::jsonb)', 'json_to_recordset($1::json)');
const variants = { json: OLD, jsonb: STORE_ASSESSMENTS_SQL };
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (+f[11] + +f[12]) / 100; };
const bytes = new BatchBytes();
const BATCH = 32, BATCHES = Number(process.env.BATCHES ?? 60), ROUNDS = Number(process.env.ROUNDS ?? 6);
const results = { json: [], jsonb: [] };
let k = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const name of r % 2 ? ['jsonb', 'json'] : ['json', 'jsonb']) {
    const before = cpu(); let rows = 0;
    for (let b = 0; b < BATCHES; b++) {
      const batch = [];
      for (let i = 0; i < BATCH; i++) { const { a, d } = inputs[k++ % inputs.length]; batch.push(prepareAssessment({ councilId: 'birmingham', providerId: providers[k % providers.length], userId, input: a, packVersionId: versionId, determination: d, interpretationNotes: compiled.pack.interpretations })); }
      const written = await db.query(variants[name], [bytes.write(batch.map((x) => x.rowJson))], { name: 'v_' + name });
      rows += written.length;
    }
    results[name].push(((cpu() - before) * 1000) / rows);
  }
}
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const n of ['json', 'jsonb']) console.log(n, results[n].map((x) => x.toFixed(3)).join(' '), 'median', median(results[n]).toFixed(3), 'ms/row');
console.log('ratio jsonb/json', (median(results.jsonb) / median(results.json)).toFixed(3), 'rows per variant-round', BATCH * BATCHES, 'inputs', inputs.length);
await db.close();
const admin = await openPostgresDb({ connectionString: url, maxConnections: 1 });
await admin.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
await admin.close();
