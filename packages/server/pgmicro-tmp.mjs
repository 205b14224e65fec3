import pg from 'pg';
const url = process.argv[2]; const mode = process.argv[3] ?? 'select';
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.POOL ?? 10) });
await pool.query('select 1');
let n = 0; const end = Date.now() + 4000;
const c0 = process.cpuUsage(); const t0 = performance.now();
await Promise.all(Array.from({ length: 50 }, async () => {
  while (Date.now() < end) {
    await pool.query({ name: 'q1', text: 'SELECT $1::int AS x', values: [n] });
    n++;
  }
}));
const cu = process.cpuUsage(c0); const el = (performance.now() - t0) / 1000;
console.log(url, `${(n/el).toFixed(0)} q/s; node CPU per query ${((cu.user+cu.system)/1000/n).toFixed(3)} ms (user ${(cu.user/1000/n).toFixed(3)}, sys ${(cu.system/1000/n).toFixed(3)})`);
await pool.end();
