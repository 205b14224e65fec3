import { explainDetermination } from '../explain/explain-determination.js';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compilePack, type CompiledPack } from '../compile/compile-pack.js';
import { decideInstance } from '../evaluate/decide.js';
import { evaluate, initialState } from '../evaluate/evaluate.js';
import { validatePack } from '../schema/validate-pack.js';
import { analyse } from '../analyse/analyse.js';
import { diffPacks } from '../diff/diff-packs.js';
import { packHash } from '../hash.js';
import { readPackSource } from '../source/load-pack-source.js';
import { caseAssessment } from '../testing/run-cases.js';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import { expandDecisionTables, rowWords, type DecisionTable, type TableCell } from './decision-table.js';
import type { Decision, HitPolicy, Pack } from '../types.js';

const src = { doc: 'guide', section: '6' };
const DOMAINS = ['involvement', 'personalised', 'safety', 'staffing', 'management'];

/** The example pack with its quality score written as a table (or with the decision given). */
function withScore(table: DecisionTable, more: Partial<Decision> = {}): Pack {
  const pack = examplePack();
  pack.decisions.qualityScore = { label: 'Quality score', scale: 'score', hitPolicy: 'first', source: src, rules: [], table, ...more };
  return pack;
}

const SCORE_TABLE: DecisionTable = {
  inputs: [
    { fact: 'overallRating', label: 'Overall rating' },
    { fact: 'domainCount', params: { decision: 'domainBand', is: 'Gold' }, label: 'Gold domains' },
  ],
  rows: [
    { id: 'gold-many', cells: ['Gold', { '>=': 3 }], output: 90, source: src },
    { id: 'gold', cells: ['Gold', 'any'], output: 75, source: src },
    { id: 'silver-some-gold', cells: [['Silver'], { '>': 0, '<=': 2 }], output: 60, source: src },
    { id: 'silver', cells: [{ operator: 'equal', value: 'Silver' }, 'any'], output: 50, source: src },
    { id: 'bronze', cells: [{ not: ['Gold', 'Silver', 'Inadequate'] }, 'any'], output: 25, source: src },
  ],
};

/** Decides one decision of a compiled pack with the given decision values (by instance id) and nothing else. */
function decide(c: CompiledPack, id: string, values: Record<string, unknown>): unknown {
  const s = initialState(c, { date: '2025-06-01', judgements: {}, facts: {} }, '2025-06-01');
  for (const [k, v] of Object.entries(values)) s.values[c.instances.find((i) => i.id === k)!.slot] = v;
  return decideInstance(c.instances.find((i) => i.id === id)!, s).value;
}

/** Domain bands with `gold` Gold domains, the rest Silver. */
const golds = (gold: number): Record<string, string> => Object.fromEntries(DOMAINS.map((d, i) => [`domainBand.${d}`, i < gold ? 'Gold' : 'Silver']));

describe('decision tables', () => {
  it('need no "rules": [] when the decision is written as a table; a decision with neither is refused', () => {
    const pack = withScore(SCORE_TABLE);
    delete pack.decisions.qualityScore!.rules;
    expect(validatePack(pack).errors).toEqual([]);
    const c = compilePack(pack);
    expect(c.pack.decisions.qualityScore!.rules!.map((r) => r.id)).toEqual(['gold-many', 'gold', 'silver-some-gold', 'silver', 'bronze']);
    expect(decide(c, 'qualityScore', { overallRating: 'Gold', ...golds(3) })).toBe(90);
    expect(packHash(pack)).not.toBe(packHash(withScore(SCORE_TABLE)));
    delete pack.decisions.qualityScore!.table;
    expect(validatePack(pack).errors).toEqual([
      expect.objectContaining({ code: 'schema.required', pointer: '/decisions/qualityScore', message: 'Missing required property "rules".' }),
    ]);
  });

  it('validate, and compile each row to a rule named by the row, read as a sentence', () => {
    const result = validatePack(withScore(SCORE_TABLE));
    expect(result.errors).toEqual([]);
    const rules = compilePack(withScore(SCORE_TABLE)).pack.decisions.qualityScore!.rules!;
    expect(rules.map((r) => r.id)).toEqual(['gold-many', 'gold', 'silver-some-gold', 'silver', 'bronze']);
    expect(rules.map((r) => r.label)).toEqual([
      'If Overall rating is Gold and Gold domains is at least 3, then 90',
      'If Overall rating is Gold, then 75',
      'If Overall rating is one of Silver and Gold domains is more than 0 and is at most 2, then 60',
      'If Overall rating is Silver, then 50',
      'If Overall rating is none of Gold, Silver, Inadequate, then 25',
    ]);
  });

  it('gives each cell form its meaning, bounds inclusive or exclusive as written, rows in order under hit policy first', () => {
    const c = compilePack(withScore(SCORE_TABLE, { fallback: { output: 0, source: src } }));
    const score = (overall: string, gold: number): unknown => decide(c, 'qualityScore', { overallRating: overall, ...golds(gold) });
    // ">= 3": 2 is below, 3 is on the bound.
    expect([score('Gold', 2), score('Gold', 3), score('Gold', 5)]).toEqual([75, 90, 90]);
    // "> 0 and <= 2": 0 is out (exclusive), 1 and 2 in (inclusive), 3 out.
    expect([score('Silver', 0), score('Silver', 1), score('Silver', 2), score('Silver', 3)]).toEqual([50, 60, 60, 50]);
    // { not: [...] } and the fallback.
    expect([score('Bronze', 0), score('Inadequate', 0)]).toEqual([25, 0]);
  });

  it('applies the decision\'s other hit policies to the rows (collect, max)', () => {
    const table = (policy: HitPolicy): Pack => withScore(SCORE_TABLE, { hitPolicy: policy });
    expect(decide(compilePack(table('collect')), 'qualityScore', { overallRating: 'Gold', ...golds(4) })).toEqual([90, 75]);
    expect(decide(compilePack(table('max')), 'qualityScore', { overallRating: 'Silver', ...golds(1) })).toBe(60);
    expect(decide(compilePack(table('min')), 'qualityScore', { overallRating: 'Silver', ...golds(1) })).toBe(50);
  });

  it('names the row that fired in the trace, as a sentence with its citation', () => {
    const c = compilePack(withScore(SCORE_TABLE));
    const d = evaluate(c, { date: '2025-03-01', judgements: judgementsFor(c.pack, 'Fully met'), facts: { statementLate: false } }, { explain: true });
    expect(d.decisions.qualityScore).toBe(50);
    const fired = explainDetermination(c.pack, d).filter((t) => t.decision === 'qualityScore' && t.fired);
    expect(fired.map((t) => [t.rule, t.label, t.source])).toEqual([['silver', 'If Overall rating is Silver, then 50', 'guide s6']]);
  });

  it('cites the pack as written: the hash is of the table, and expanding twice changes nothing', () => {
    const pack = withScore(SCORE_TABLE);
    expect(compilePack(pack).hash).toBe(packHash(pack));
    expect(packHash(pack)).not.toBe(packHash(expandDecisionTables(pack).pack));
    const once = expandDecisionTables(pack).pack;
    expect(expandDecisionTables(once).pack).toBe(once);
  });

  it('is analysed exhaustively as its rules: a hole is a gap, two rows that both hold under unique are an overlap', () => {
    const holed: DecisionTable = { ...SCORE_TABLE, rows: SCORE_TABLE.rows.filter((r) => r.id !== 'bronze') };
    const report = analyse(compilePack(withScore(holed, { hitPolicy: 'unique' })));
    const score = report.decisions.find((d) => d.decision === 'qualityScore')!;
    expect(score.exhaustive).toBe(true);
    const gaps = score.findings.filter((f) => f.kind === 'gap');
    expect(gaps.map((g) => g.examples.map((e) => e.inputs).join(' | '))).toEqual([expect.stringMatching(/Bronze/)]);
    expect(gaps[0]!.examples.every((e) => /Overall rating (is )?(Bronze|Inadequate)/i.test(e.inputs))).toBe(true);
    expect(score.findings.filter((f) => f.kind === 'overlap').map((f) => f.rule).sort()).toEqual(['gold-many + gold', 'silver-some-gold + silver']);
    const whole = analyse(compilePack(withScore(SCORE_TABLE, { fallback: { output: 0, source: src } })));
    expect(whole.decisions.find((d) => d.decision === 'qualityScore')!.findings.filter((f) => f.kind === 'gap')).toEqual([]);
  });

  it('reads a changed row as its sentence in the diff', () => {
    const before = withScore(SCORE_TABLE);
    const after = withScore({ ...SCORE_TABLE, rows: SCORE_TABLE.rows.map((r) => (r.id === 'gold' ? { ...r, output: 76 } : r)) });
    expect(diffPacks(before, after).changes.map((c) => [c.pointer, c.summary])).toEqual([
      ['/decisions/qualityScore/table/rows/1/output', 'Quality score, row "If Overall rating is Gold, then 76" gives: 75 -> 76'],
    ]);
    expect(rowWords(SCORE_TABLE, { id: 'x', cells: ['any', 'any'], output: 1, source: src })).toBe('In any case, then 1');
  });

  it('reads a declared parameter in a row as its value, or each domain\'s where domains set their own, never its id or label', () => {
    const pack = withScore({ ...SCORE_TABLE, rows: [{ id: 'gold-many', cells: ['Gold', { '>=': { param: 'manyGold' } }], output: 90, source: src }] });
    pack.parameters = { ...pack.parameters, manyGold: { label: 'Gold domains for the top score, at least', type: 'integer', min: 0, max: 5, value: 3, source: src } };
    const label = (p: Pack): string | undefined => expandDecisionTables(p).pack.decisions.qualityScore!.rules!.at(-1)!.label;
    expect(label(pack)).toBe('If Overall rating is Gold and Gold domains is at least 3, then 90');
    // A number a domain sets for itself has no one value in a row's words: each domain's, never the label.
    pack.framework!.domains[0]!.parameters = { ...pack.framework!.domains[0]!.parameters, manyGold: 2 };
    const titles = pack.framework!.domains.map((d) => d.title);
    expect(label(pack)).toBe(`If Overall rating is Gold and Gold domains is at least the domain's number (${titles.map((t, i) => `${t} ${i === 0 ? 2 : 3}`).join(', ')}), then 90`);
    expect(label(pack)).not.toContain('Gold domains for the top score');
    expect(rowWords(pack.decisions.qualityScore!.table!, pack.decisions.qualityScore!.table!.rows[0]!)).not.toContain('manyGold');
  });

  describe('meaning checks', () => {
    const errorsOf = (pack: Pack) => validatePack(pack).errors.map((e) => ({ pointer: e.pointer, message: e.message, hint: e.hint }));
    const rows = (...cells: [TableCell[], unknown][]): DecisionTable => ({
      inputs: SCORE_TABLE.inputs,
      rows: cells.map(([c, output], i) => ({ id: `r${i}`, cells: c, output: output as number, source: src })),
    });

    it('report a row with the wrong number of cells, at its cells, naming the columns', () => {
      expect(errorsOf(withScore(rows([['Gold'], 75], [['Gold', 'any', 'any'], 75])))).toEqual([
        { pointer: '/decisions/qualityScore/table/rows/0/cells', message: 'Row "r0" has 1 cell, but the table has 2 input columns (Overall rating, Gold domains).', hint: 'Give one cell per input column, in column order; write "any" where a column does not matter.' },
        { pointer: '/decisions/qualityScore/table/rows/1/cells', message: 'Row "r1" has 3 cells, but the table has 2 input columns (Overall rating, Gold domains).', hint: 'Give one cell per input column, in column order; write "any" where a column does not matter.' },
      ]);
    });

    it('report every cell value not on its column\'s scale, at the value, once', () => {
      const errors = errorsOf(withScore(rows([['Platinum', 'any'], 75], [[['Silver', 'Good'], 'any'], 50], [[{ not: 'Great' }, 'any'], 25], [[{ '>=': 'Bronz' }, 'any'], 25])));
      expect(errors).toEqual([
        { pointer: '/decisions/qualityScore/table/rows/0/cells/0', message: '"Platinum" is not a value of scale "band" (column "Overall rating").', hint: 'Values: Inadequate, Bronze, Silver, Gold, or "any".' },
        { pointer: '/decisions/qualityScore/table/rows/1/cells/0/1', message: '"Good" is not a value of scale "band" (column "Overall rating").', hint: 'Values: Inadequate, Bronze, Silver, Gold, or "any".' },
        { pointer: '/decisions/qualityScore/table/rows/2/cells/0/not', message: '"Great" is not a value of scale "band" (column "Overall rating").', hint: 'Values: Inadequate, Bronze, Silver, Gold, or "any".' },
        { pointer: '/decisions/qualityScore/table/rows/3/cells/0/>=', message: '"Bronz" is not a value of scale "band" (column "Overall rating").', hint: 'Values: Inadequate, Bronze, Silver, Gold, or "any".' },
      ]);
    });

    it('report an output not on the decision\'s scale at the row\'s output, an unknown column fact once at the column, all together', () => {
      const table = rows([['Gold', 'any'], 175], [['Silver', 'any'], 'Silver']);
      const errors = errorsOf(withScore({ ...table, inputs: [{ fact: 'overalRating' }, table.inputs[1]!] }));
      expect(errors).toEqual([
        { pointer: '/decisions/qualityScore/table/inputs/0/fact', message: 'Unknown fact "overalRating".', hint: expect.stringContaining('Known facts') },
        { pointer: '/decisions/qualityScore/table/rows/0/output', message: 'Output 175 is not on the numeric scale "score" (0..100, whole numbers).', hint: undefined },
        { pointer: '/decisions/qualityScore/table/rows/1/output', message: 'Output "Silver" is not on the numeric scale "score" (0..100, whole numbers).', hint: undefined },
      ]);
    });

    it('report a row without a citation, and a row id used twice, at the row', () => {
      const table = rows([['Gold', 'any'], 75], [['Silver', 'any'], 50]);
      const { source: _dropped, ...uncited } = table.rows[0]!;
      expect(errorsOf(withScore({ ...table, rows: [uncited as never, table.rows[1]!] }))).toEqual([
        { pointer: '/decisions/qualityScore/table/rows/0', message: 'Missing required property "source".', hint: expect.stringContaining('Add "source"') },
      ]);
      expect(errorsOf(withScore({ ...table, rows: [table.rows[0]!, { ...table.rows[1]!, id: 'r0' }] }))).toEqual([
        { pointer: '/decisions/qualityScore/table/rows/1/id', message: 'Rule id "r0" is used twice in decision "qualityScore".', hint: undefined },
      ]);
    });
  });
});

describe('Birmingham\'s Home Support quality score table (000 s6.1), written as the council printed it', () => {
  const birmingham = readPackSource(fileURLToPath(new URL('../../../councils-birmingham/pack', import.meta.url)));
  const cite = { doc: '000', section: '6.1' };
  const A = 'any';
  const INTERP = { gold: 'home-support-score-gold', weighting: 'home-support-score-weighting', unlisted: 'home-support-score-unlisted', notFromDomains: 'home-support-score-not-from-domains' };
  /** One printed row: overall rating, this visit's band, Gold / Silver-or-better / Bronze / Inadequate domains, Safe, Responsive; score. */
  const row = (id: string, cells: TableCell[], output: number, interpretation?: string) => ({ id, cells, output, source: cite, ...(interpretation ? { interpretation } : {}) });
  const TABLE: DecisionTable = {
    inputs: [
      { fact: 'overallRating', label: 'Overall rating' },
      { fact: 'visitBand', label: 'This visit\'s band' },
      { fact: 'domainCount', params: { decision: 'domainRating', is: 'Gold' }, label: 'Gold domains' },
      { fact: 'domainCount', params: { decision: 'domainRating', atLeast: 'Silver' }, label: 'Silver or Gold domains' },
      { fact: 'domainCount', params: { decision: 'domainRating', is: 'Bronze' }, label: 'Bronze domains' },
      { fact: 'domainCount', params: { decision: 'domainRating', is: 'Inadequate' }, label: 'Inadequate domains' },
      { fact: 'domainRating.safeguarding', label: 'Safe' },
      { fact: 'domainRating.personalisedCare', label: 'Responsive' },
    ],
    rows: [
      row('inadequate', ['Inadequate', A, A, A, A, A, A, A], 0, 'inadequate-not-scored'),
      row('gold-not-from-domains', ['Gold', { not: 'Gold' }, A, A, A, A, A, A], 75, INTERP.notFromDomains),
      row('silver-not-from-domains', ['Silver', { not: 'Silver' }, A, A, A, A, A, A], 61, INTERP.notFromDomains),
      row('bronze-not-from-domains', ['Bronze', { not: 'Bronze' }, A, A, A, A, A, A], 26, INTERP.notFromDomains),
      // Gold: at least 2 Gold and remainder Silver, 75-100.
      row('gold-2', [A, A, 2, 5, A, A, A, A], 75, INTERP.gold),
      row('gold-3', [A, A, 3, 5, A, A, A, A], 83, INTERP.gold),
      row('gold-4', [A, A, 4, 5, A, A, A, A], 91, INTERP.gold),
      row('gold-5', [A, A, 5, A, A, A, A, A], 100),
      // Silver: 1 Gold + 4 Silver 70; 5 Silver 67; 4 Silver + 1 Bronze 61-63.
      row('silver-1g4s', [A, A, 1, 5, A, A, A, A], 70),
      row('silver-5s', [A, A, 0, 5, A, A, A, A], 67),
      row('silver-4s1b-safe', [A, A, A, 4, 1, A, 'Bronze', A], 61, INTERP.weighting),
      row('silver-4s1b-responsive', [A, A, A, 4, 1, A, A, 'Bronze'], 62, INTERP.weighting),
      row('silver-4s1b-other', [A, A, A, 4, 1, A, { not: 'Bronze' }, { not: 'Bronze' }], 63, INTERP.weighting),
      // Bronze: 3 Silver + 2 Bronze 40-43; 2 Silver + 3 Bronze 34-39; 1 Silver + 4 Bronze 30-33; 5 Bronze 28-30; 4 Bronze + 1 Inadequate 26-27.
      row('bronze-3s2b-both', [A, A, A, 3, 2, A, 'Bronze', 'Bronze'], 40, INTERP.weighting),
      row('bronze-3s2b-safe', [A, A, A, 3, 2, A, 'Bronze', A], 41, INTERP.weighting),
      row('bronze-3s2b-responsive', [A, A, A, 3, 2, A, A, 'Bronze'], 42, INTERP.weighting),
      row('bronze-3s2b-other', [A, A, A, 3, 2, A, A, A], 43, INTERP.weighting),
      row('bronze-2s3b-both', [A, A, A, 2, 3, A, 'Bronze', 'Bronze'], 34, INTERP.weighting),
      row('bronze-2s3b-safe', [A, A, A, 2, 3, A, 'Bronze', A], 35, INTERP.weighting),
      row('bronze-2s3b-responsive', [A, A, A, 2, 3, A, A, 'Bronze'], 37, INTERP.weighting),
      row('bronze-2s3b-other', [A, A, A, 2, 3, A, A, A], 39, INTERP.weighting),
      row('bronze-1s4b-both', [A, A, A, 1, 4, A, 'Bronze', 'Bronze'], 30, INTERP.weighting),
      row('bronze-1s4b-safe', [A, A, A, 1, 4, A, 'Bronze', A], 31, INTERP.weighting),
      row('bronze-1s4b-responsive', [A, A, A, 1, 4, A, A, 'Bronze'], 33, INTERP.weighting),
      row('bronze-5b', [A, A, A, A, 5, A, A, A], 28, INTERP.weighting),
      row('bronze-4b1i-safe', [A, A, A, A, 4, 1, 'Inadequate', A], 26, INTERP.weighting),
      row('bronze-4b1i-responsive', [A, A, A, A, 4, 1, A, 'Inadequate'], 26, INTERP.weighting),
      row('bronze-4b1i-other', [A, A, A, A, 4, 1, A, A], 27, INTERP.weighting),
      // Combinations the table does not list (one Inadequate domain counted as Bronze). Two or more Inadequate
      // domains make the visit band Inadequate (000 s3.2.2): the rows above decide, so the pack has no row for them.
      row('unlisted-4s1i', [A, A, A, A, 0, 1, A, A], 40, INTERP.unlisted),
      row('unlisted-3s1b1i', [A, A, A, A, 1, 1, A, A], 40, INTERP.unlisted),
      row('unlisted-2s2b1i', [A, A, A, A, 2, 1, A, A], 34, INTERP.unlisted),
      row('unlisted-1s3b1i', [A, A, A, A, 3, 1, A, A], 30, INTERP.unlisted),
    ],
  };
  const asTable = (): Pack => {
    const { rules: _rules, ...decision } = birmingham.decisions.homeSupportBaseScore!;
    return { ...birmingham, decisions: { ...birmingham.decisions, homeSupportBaseScore: { ...decision, rules: [], table: TABLE } } };
  };

  it('is a valid table whose analysis is exhaustive with no gap', () => {
    expect(validatePack(asTable()).errors).toEqual([]);
    const a = analyse(compilePack(asTable())).decisions.find((d) => d.decision === 'homeSupportBaseScore')!;
    expect(a.exhaustive).toBe(true);
    expect(a.findings.filter((f) => f.kind === 'gap')).toEqual([]);
  });

  it('gives the same score, by the same rule, as the pack\'s rules over the whole input space (4 x 4 x 4^5 = 16,384 points)', () => {
    const rules = compilePack(birmingham);
    const table = compilePack(asTable());
    const ratings = ['Inadequate', 'Bronze', 'Silver', 'Gold'];
    const domains = birmingham.framework!.domains.map((d) => d.id);
    expect(domains).toHaveLength(5);
    let points = 0;
    const differences: string[] = [];
    for (const overall of ratings) for (const band of ratings) for (let combo = 0; combo < 4 ** 5; combo++) {
      const values: Record<string, unknown> = { overallRating: overall, visitBand: band };
      domains.forEach((d, i) => { values[`domainRating.${d}`] = ratings[Math.floor(combo / 4 ** i) % 4]; });
      const [x, y] = [decide(rules, 'homeSupportBaseScore', values), decide(table, 'homeSupportBaseScore', values)];
      points++;
      if (x !== y) differences.push(`${JSON.stringify(values)}: rules ${String(x)}, table ${String(y)}`);
    }
    expect(points).toBe(16_384);
    expect(differences).toEqual([]);
  });

  it('gives byte-identical scores on every Birmingham case, the trace naming the table\'s row', () => {
    const rules = compilePack(birmingham);
    const table = compilePack(asTable());
    let scored = 0;
    for (const c of birmingham.cases ?? []) {
      const input = caseAssessment(birmingham, c);
      const opts = { explain: true, ...(c.asOf ? { asOf: c.asOf } : {}) };
      let a: ReturnType<typeof evaluate>;
      try { a = evaluate(rules, input, opts); } catch { expect(() => evaluate(table, input, opts)).toThrow(); continue; }
      const b = evaluate(table, input, opts);
      expect(b.decisions.homeSupportBaseScore, c.id).toEqual(a.decisions.homeSupportBaseScore);
      const fired = explainDetermination(table.pack, b).find((t) => t.decision === 'homeSupportBaseScore' && t.fired);
      if (fired) { scored++; expect(TABLE.rows.map((r) => r.id)).toContain(fired.rule); expect(fired.label).toMatch(/^If .*, then \d+$/); }
    }
    expect(scored).toBeGreaterThan(5);
  });
});
