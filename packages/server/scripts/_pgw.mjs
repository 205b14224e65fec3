import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await c.connect();
for (const size of [10_000, 100_000, 600_000]) {
  const s = 'x'.repeat(size);
  let sync = 0, n = 200;
  const t0 = process.cpuUsage(); const w0 = Date.now();
  for (let i = 0; i < n; i++) {
    const a = process.hrtime.bigint();
    const p = c.query({ text: 'SELECT length($1::text)', values: [s], name: 'q' });
    sync += Number(process.hrtime.bigint() - a);
    await p;
  }
  const u = process.cpuUsage(t0);
  console.log(size, 'sync ms/query', (sync / n / 1e6).toFixed(3), 'cpu ms/query', ((u.user + u.system) / n / 1000).toFixed(3), 'sys', (u.system/n/1000).toFixed(3));
}
await c.end();
