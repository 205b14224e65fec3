// A/B of two built engines on the council packs beside this one.
//
//   node scripts/compare-engines.js <dist A> [dist B] [--check] [--seconds n] [--rounds n]
//
// Dist B defaults to this package's dist/. Keep a copy of another build's dist (for example main's)
// in a folder of its own beside a package.json of `"type": "module"` and a link to this package's
// node_modules, e.g. /tmp/engine-main/{dist,package.json,node_modules}.
//
// Without --check: Birmingham's case assessments and 1,000 random ones (the benchmark's inputs),
// evaluated by A and by B interleaved (A B ..., then ... B A), with and without explanation, and as
// the server calls it (each parsed from its JSON, asOf its date, with the explanation), and that with
// the explanation's JSON text the server replies with (JSON.stringify's, in UTF-8 bytes), in CPU time;
// prints the median rate of each and the median of each round's ratio B / A, and the same for
// Birmingham's rules written by hand (from B's dist/bench), the goal's yardstick.
//
// With --check: every case of the three council packs and 1,000 random assessments of each,
// evaluated by A and by B with and without explanation: the JSON of each determination (its
// explanation included), or the error's class and message, must be the same byte for byte.
// Exits 1 on the first difference, naming the pack, the input and both results.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); if (i < 0) return undefined; const v = args[i + 1]; args.splice(i, 2); return v; };
const check = args.includes('--check');
if (check) args.splice(args.indexOf('--check'), 1);
const seconds = Number(flag('--seconds') ?? 1);
const rounds = Number(flag('--rounds') ?? 8);
if (!args[0]) {
  console.error('usage: node scripts/compare-engines.js <dist A> [dist B] [--check] [--seconds n] [--rounds n]');
  process.exit(2);
}
const here = fileURLToPath(new URL('..', import.meta.url));
const distA = resolve(args[0]);
const distB = resolve(args[1] ?? `${here}/dist`);
const councils = resolve(here, '..');

/** The parts of an engine's dist this script uses. */
async function engineAt(dist) {
  const load = (p) => import(pathToFileURL(`${dist}/${p}`).href);
  const [{ compilePack }, { evaluate }, { readPackSource }, { caseAssessment }, random] = await Promise.all([
    load('compile/compile-pack.js'), load('evaluate/evaluate.js'), load('source/load-pack-source.js'),
    load('testing/run-cases.js'), load('reference/random-assessment.js'),
  ]);
  return { dist, load, compilePack, evaluate, readPackSource, caseAssessment, random };
}

/** A council plugin's extensions (Herefordshire's operators), from its built package. */
async function extensionsOf(slug) {
  try {
    const mod = await import(pathToFileURL(`${councils}/councils-${slug}/dist/index.js`).href);
    return mod.default?.extensions;
  } catch {
    return undefined;
  }
}

/** A pack's case inputs and `n` random assessments (made by `maker`), each `{ id, a, opts }`. */
function inputsOf(engine, pack, compiled, n) {
  const fromCases = (pack.cases ?? []).map((c) => ({ id: `case ${c.id}`, a: engine.caseAssessment(pack, c), opts: c.asOf ? { asOf: c.asOf } : {} }));
  const r = engine.random.seededRandom(11);
  const random = Array.from({ length: n }, (_, i) => ({ id: `random ${i}`, a: engine.random.randomAssessment(compiled, r), opts: {} }));
  return [...fromCases, ...random];
}

/** The JSON of a determination, or the error an evaluation threw, as text. */
function outcome(engine, compiled, x, explain) {
  try {
    return JSON.stringify(engine.evaluate(compiled, x.a, { ...x.opts, explain }));
  } catch (e) {
    return `${e?.constructor?.name}: ${e?.message} ${JSON.stringify(e?.problems ?? null)}`;
  }
}

/**
 * Assessments with one thing wrong, for the errors: a judgement a criterion does not allow, an
 * unknown criterion, a judgement missing, a fact of the wrong kind, an unknown fact, a bad date.
 */
function spoilt(inputs) {
  const ways = [
    (a) => { const k = Object.keys(a.judgements ?? {})[3]; if (k) a.judgements[k] = 'Not a judgement'; },
    (a) => { a.judgements = { ...a.judgements, 'no-such-criterion': 'Fully met' }; },
    (a) => { const k = Object.keys(a.judgements ?? {})[0]; if (k) delete a.judgements[k]; },
    (a) => { const k = Object.keys(a.facts ?? {})[0]; if (k) a.facts[k] = { wrong: true }; },
    (a) => { a.facts = { ...a.facts, noSuchFact: 1 }; },
    (a) => { a.date = '2025-02-30'; },
    (a) => { const k = Object.keys(a.judgements ?? {})[5]; if (k) a.judgements[k] = 7; },
  ];
  return inputs.map((x, i) => {
    const a = structuredClone(x.a);
    ways[i % ways.length](a);
    return { ...x, id: `spoilt ${x.id} (way ${i % ways.length})`, a };
  });
}

async function checkIdentical(a, b) {
  let compared = 0;
  for (const slug of ['birmingham', 'bolton', 'herefordshire']) {
    const folder = `${councils}/councils-${slug}/pack`;
    const extensions = await extensionsOf(slug);
    const opts = extensions ? { extensions } : {};
    const pa = a.readPackSource(folder);
    const pb = b.readPackSource(folder);
    const ca = a.compilePack(pa, opts);
    const cb = b.compilePack(pb, opts);
    const inputs = [...inputsOf(a, pa, ca, 1000), ...spoilt(inputsOf(a, pa, ca, 200).slice(-200))];
    for (const x of inputs) {
      for (const explain of [false, true]) {
        const ra = outcome(a, ca, x, explain);
        const rb = outcome(b, cb, x, explain);
        if (ra !== rb) {
          console.error(`${slug}, ${x.id}${explain ? ', with explanation' : ''}: the engines differ.\ninput: ${JSON.stringify(x)}\nA: ${ra}\nB: ${rb}`);
          process.exit(1);
        }
        compared++;
      }
    }
    console.log(`${slug}: ${inputs.length} assessments (${(pa.cases ?? []).length} cases, 1,000 random, 200 spoilt), with and without explanation: identical`);
  }
  console.log(`${compared.toLocaleString('en-GB')} determinations compared byte for byte: identical`);
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Evaluations per second of CPU time of `fn` over whole passes of `inputs` for about `s` seconds of it. */
function rate(fn, inputs, s) {
  const start = cpuMs();
  let n = 0;
  while (cpuMs() - start < s * 1000) for (const x of inputs) { fn(x); n++; }
  return n / ((cpuMs() - start) / 1000);
}

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function compareSpeed(a, b) {
  const folder = `${councils}/councils-birmingham/pack`;
  const pa = a.readPackSource(folder);
  const ca = a.compilePack(pa);
  const cb = b.compilePack(b.readPackSource(folder));
  // The benchmark's inputs: the cases that evaluate, and 1,000 random assessments that do.
  const inputs = inputsOf(a, pa, ca, 1200).filter((x) => (pa.cases ?? []).every((c) => `case ${c.id}` !== x.id || c.wantError === undefined))
    .filter((x) => { try { a.evaluate(ca, x.a, x.opts); return true; } catch { return false; } });
  const cases = inputs.filter((x) => x.id.startsWith('case '));
  const chosen = [...cases, ...inputs.filter((x) => x.id.startsWith('random ')).slice(0, 1000)];
  const explained = chosen.map((x) => ({ ...x, opts: { ...x.opts, explain: true } }));
  // As the server calls it on POST /assessments: the assessment fresh from the request's JSON, `asOf` its date, with the explanation.
  const bodies = chosen.map((x) => ({ ...x, body: JSON.stringify(x.a) }));
  const asServer = (e, c) => (x) => { const a = JSON.parse(x.body); return e.evaluate(c, a, { asOf: x.opts.asOf ?? a.date, explain: true }); };
  // The same, with the explanation's JSON text the server replies with (JSON.stringify's, as
  // `assessments/index.ts` writes it), taken to UTF-8 bytes as a reply's is.
  const asServerText = (e, c) => (x) => { const a = JSON.parse(x.body); const d = e.evaluate(c, a, { asOf: x.opts.asOf ?? a.date, explain: true }); return Buffer.byteLength(JSON.stringify(d.explanation)); };
  const { handWrittenBirmingham } = await b.load('bench/hand-written-birmingham.js');
  const hand = handWrittenBirmingham({ pack: { id: pa.metadata.id, version: pa.metadata.version, hash: cb.hash }, interpretations: pa.interpretations ?? {} });
  const runs = [
    ['A, no trace', (x) => a.evaluate(ca, x.a, x.opts), chosen],
    ['B, no trace', (x) => b.evaluate(cb, x.a, x.opts), chosen],
    ['A, with explanation', (x) => a.evaluate(ca, x.a, x.opts), explained],
    ['B, with explanation', (x) => b.evaluate(cb, x.a, x.opts), explained],
    ['hand-written Birmingham', (x) => hand(x.a, x.opts.asOf), chosen],
    ['A, as the server', asServer(a, ca), bodies],
    ['B, as the server', asServer(b, cb), bodies],
    ['A, as the server, JSON text', asServerText(a, ca), bodies],
    ['B, as the server, JSON text', asServerText(b, cb), bodies],
  ];
  for (const [, fn, xs] of runs) rate(fn, xs, 0.3);
  const rates = runs.map(() => []);
  // Every other round in the reverse order (A B ... B A ...), so that what one run leaves to the
  // garbage collector is not charged to the same neighbour every time.
  for (let r = 0; r < rounds; r++) {
    const order = runs.map((_, i) => (r % 2 ? runs.length - 1 - i : i));
    for (const i of order) rates[i].push(rate(runs[i][1], runs[i][2], seconds));
  }
  console.log(`Birmingham, ${cases.length} case assessments and ${chosen.length - cases.length} random ones; ${rounds} interleaved rounds of ${seconds}s of CPU time each`);
  console.log(`A: ${a.dist}\nB: ${b.dist}`);
  runs.forEach(([name], i) => console.log(`  ${name.padEnd(30)} ${Math.round(median(rates[i])).toLocaleString('en-GB').padStart(9)} evaluations/s`));
  const ratio = (i, j) => median(rates[i].map((x, k) => x / rates[j][k]));
  console.log(`  B / A, no trace:            ${ratio(1, 0).toFixed(3)}x`);
  console.log(`  B / A, with explanation:    ${ratio(3, 2).toFixed(3)}x`);
  console.log(`  B / A, as the server:       ${ratio(6, 5).toFixed(3)}x (parsed from JSON, asOf, explanation)`);
  console.log(`  B / A, as the server, text: ${ratio(8, 7).toFixed(3)}x (the same, and the explanation's JSON text in UTF-8 bytes)`);
  console.log(`  hand-written / A:           ${ratio(4, 0).toFixed(3)}x`);
  console.log(`  hand-written / B:           ${ratio(4, 1).toFixed(3)}x (goal: at most 1.5x)`);
}

const [a, b] = await Promise.all([engineAt(distA), engineAt(distB)]);
if (check) await checkIdentical(a, b);
else await compareSpeed(a, b);
