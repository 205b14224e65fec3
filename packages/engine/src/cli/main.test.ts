import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePack, judgementsFor } from '../fixtures/example-pack.js';
import { countingPack } from '../fixtures/counting-pack.js';
import { hoursCase, sizePack } from '../fixtures/size-pack.js';
import type { Pack } from '../types.js';
import { run, EXIT } from './main.js';

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'qaf-cli-'));
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd: dir };
  const write = (name: string, value: unknown) => { writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2)); return name; };
  return { dir, io, out, err, write };
}

describe('qaf CLI', () => {
  it('validates a pack file and exits 0', async () => {
    const s = sandbox();
    const code = await run(['validate', s.write('pack.json', examplePack())], s.io);
    expect(code).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/valid \(example 1\.0\.0, 4 decisions, 2 cases\)/);
  });

  it('reads a pack folder (pack.json and cases/*.json) for every command, and names the case file and line of an error', async () => {
    const s = sandbox();
    const { cases, ...rules } = examplePack();
    mkdirSync(join(s.dir, 'wessex', 'cases'), { recursive: true });
    rules.interpretations = { ...rules.interpretations, unused: { title: 'Unused', note: 'Nothing relies on it', source: { doc: 'guide', section: '4' } } };
    s.write('wessex/pack.json', rules);
    s.write('wessex/cases/visits.json', { cases });
    expect(await run(['validate', 'wessex'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/valid \(example 1\.0\.0, 4 decisions, 2 cases\)/);
    const unusedLine = JSON.stringify(rules, null, 2).split('\n').findIndex((l) => l.includes('"unused"')) + 1;
    expect(s.err.join('\n')).toContain(`wessex/pack.json:${unusedLine}:5 /interpretations/unused`);
    expect(await run(['test', 'wessex'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/2 passed, 0 failed/);
    expect(await run(['analyse', 'wessex', '--strict'], s.io)).toBe(EXIT.ok);
    expect(await run(['diff', 'wessex', s.write('bundle.json', examplePack())], s.io)).toBe(EXIT.ok);
    const a = s.write('a.json', { date: '2025-03-01', judgements: judgementsFor(examplePack(), 'Fully met'), facts: { statementLate: false } });
    expect(await run(['evaluate', 'wessex', a], s.io)).toBe(EXIT.ok);
    s.write('wessex/cases/visits.json', { cases: [cases![0], { ...cases![1], input: 5 }] });
    expect(await run(['validate', 'wessex'], s.io)).toBe(EXIT.failed);
    expect(s.err.join('\n')).toMatch(/wessex\/cases\/visits\.json:\d+:7\n {2}error: Must be object\.\n {2}at: \/cases\/1\/input/);
  });

  it('splits a bundled pack into a pack folder that every command reads as the same pack', async () => {
    const s = sandbox();
    expect(await run(['split', s.write('bundle.json', examplePack()), 'wessex'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/2 case\(s\) no case file held are in cases\/new-cases\.json/);
    expect(JSON.parse(readFileSync(join(s.dir, 'wessex', 'pack.json'), 'utf8')).cases).toBeUndefined();
    expect(await run(['test', 'wessex'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/2 passed, 0 failed/);
    expect(await run(['split', 'bundle.json'], s.io)).toBe(EXIT.usage);
  });

  it('reports malformed JSON by file, line and column and exits 1', async () => {
    const s = sandbox();
    const code = await run(['validate', s.write('bad.json', '{\n  "metadata": ,\n}')], s.io);
    expect(code).toBe(EXIT.failed);
    expect(s.err.join('\n')).toMatch(/bad\.json:2:15\n {2}error: Malformed JSON at line 2, column 15/);
  });

  it('lists every error of an invalid pack with pointer and hint, as JSON on request', async () => {
    const s = sandbox();
    const p: Pack = structuredClone(examplePack());
    p.decisions.overallRating!.rules![0]!.when = { fact: 'nope', operator: 'equal', value: true };
    p.outcomes.headline = 'missing';
    const code = await run(['validate', s.write('p.json', p), '--json'], s.io);
    expect(code).toBe(EXIT.failed);
    const body = JSON.parse(s.out.join('')) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer)).toEqual(['/decisions/overallRating/rules/0/when/fact', '/outcomes/headline']);
  });

  it('evaluates an assessment with an explanation, and as-of', async () => {
    const s = sandbox();
    const pack = examplePack();
    const a = s.write('a.json', { date: '2025-03-01', judgements: judgementsFor(pack, 'Fully met', { 'safety-01': 'Partly met', 'staffing-01': 'Partly met' }), facts: { statementLate: false } });
    const code = await run(['evaluate', s.write('pack.json', pack), a, '--explain', '--as-of', '2025-04-01'], s.io);
    expect(code).toBe(EXIT.ok);
    const text = s.out.join('\n');
    expect(text).toMatch(/Headline: overallRating = Bronze/);
    expect(text).toMatch(/due 2025-03-08 {2}provider {2}Submit an improvement plan {2}\[guide s4\]/);
    expect(text).toMatch(/determined as of 2025-04-01/);
    expect(text).toMatch(/needs exactly 5 mandatory criteria in Safety judged at least Fully met; 4 were/);
    // Headings in words: the decision's label and the domain's title, never an instance id.
    expect(text).toMatch(/^ {2}Domain band: Safety$/m);
    expect(text).toMatch(/^ {2}Overall rating$/m);
    expect(text).not.toMatch(/^ {2}domainBand\.safety$/m);
  });

  it('prints each schedule entry\'s timing in its own words: a weekday of the month by the registry\'s words, an interval with its unit singular or plural', async () => {
    const s = sandbox();
    const pack = examplePack();
    const src = { doc: 'guide', section: '5' };
    const always = { all: [] };
    pack.outcomes.schedule = [
      { id: 'refresh', activity: 'rating-refresh', label: 'Ratings refreshed', monthlyOnWeekday: { nth: 2, weekday: 'wednesday' }, source: src, when: always },
      { id: 'directory', activity: 'directory-refresh', label: 'Directory updated', followingWeekday: { weekday: 'friday', after: { nth: 2, weekday: 'wednesday' } }, source: src, when: always },
      { id: 'monthly', activity: 'check', label: 'Monthly check', every: { months: 1 }, source: src, when: always },
      { id: 'quarterly', activity: 'check', label: 'Quarterly check', every: { months: 3 }, source: src, when: always },
      { id: 'daily', activity: 'check', label: 'Daily check', every: { days: 1 }, source: src, when: always },
      { id: 'fortnightly', activity: 'check', label: 'Fortnightly check', every: { days: 14 }, source: src, when: always },
    ];
    delete pack.cases;
    const a = s.write('a.json', { date: '2025-03-01', judgements: judgementsFor(pack, 'Fully met'), facts: { statementLate: false } });
    expect(await run(['evaluate', s.write('pack.json', pack), a], s.io)).toBe(EXIT.ok);
    const text = s.out.join('\n');
    // 2025-03-12 is the second Wednesday of March 2025, and 2025-03-14 the Friday after it.
    expect(text).toContain('next 2025-03-12  on the second Wednesday of each month  Ratings refreshed');
    expect(text).toContain('next 2025-03-14  on the Friday following the second Wednesday of each month  Directory updated');
    expect(text).toContain('next 2025-04-01  every month  Monthly check');
    expect(text).toContain('next 2025-06-01  every 3 months  Quarterly check');
    expect(text).toContain('next 2025-03-02  every day  Daily check');
    expect(text).toContain('next 2025-03-15  every 14 days  Fortnightly check');
    expect(text).not.toMatch(/every 1 (months|days)/);
  });

  it('lists boundary coverage, fails under --strict on a side neither covered nor left for a reason, and reads the folder\'s left-uncovered sides', async () => {
    const s = sandbox();
    const { cases, ...rules } = sizePack([hoursCase('h2000-b9', 2000, 9), hoursCase('h2500-b10', 2500, 10), hoursCase('h999-b1', 999, 1), hoursCase('h1000-b1', 1000, 1)]);
    mkdirSync(join(s.dir, 'sizes', 'cases'), { recursive: true });
    s.write('sizes/pack.json', rules);
    s.write('sizes/cases/sizes.json', { cases });
    expect(await run(['coverage', 'sizes', '--boundaries'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toContain('4 thresholds, 8 sides: 7 covered by a case, 0 left uncovered with a reason, 1 NOT covered');
    expect(s.out.join('\n')).toContain('    at or below (0): NOT COVERED');
    expect(await run(['coverage', 'sizes', '--boundaries', '--strict'], s.io)).toBe(EXIT.failed);
    s.write('sizes/left-uncovered-boundaries.json', { leftUncovered: [{ pointer: '/outcomes/actions/0/when', side: 'at-or-below', reason: 'every home has a bed' }] });
    expect(await run(['coverage', 'sizes', '--boundaries', '--strict', '--json'], s.io)).toBe(EXIT.ok);
    expect((JSON.parse(s.out.at(-1)!) as { summary: unknown }).summary).toEqual({ thresholds: 4, sides: 8, covered: 7, leftUncovered: 1, uncovered: 0 });
    s.write('bad.json', { leftUncovered: [{ pointer: '/outcomes/actions/0/when', side: 'under', reason: 'x' }] });
    expect(await run(['coverage', 'sizes', '--boundaries', '--left-uncovered', 'bad.json'], s.io)).toBe(EXIT.failed);
    expect(s.err.at(-1)).toBe('qaf: bad.json#/leftUncovered/0/side: must be one of below, at-or-above, at-or-below, above, at.');
    expect(await run(['coverage', 'sizes'], s.io)).toBe(EXIT.usage);
    expect(s.err.at(-1)).toMatch(/^coverage needs the kind of coverage: --boundaries\./);
  });

  it('refuses an invalid assessment naming the fact, exit 1', async () => {
    const s = sandbox();
    const code = await run(['evaluate', s.write('pack.json', examplePack()), s.write('a.json', { date: '2025-03-01', facts: { statementLate: 'no' } })], s.io);
    expect(code).toBe(EXIT.failed);
    expect(s.err.join('\n')).toMatch(/statementLate \(\/facts\/statementLate\): The text "no", but fact "statementLate" takes true or false\./);
  });

  it('runs the pack\'s cases and closes with "N passed, N failed"', async () => {
    const s = sandbox();
    const p: Pack = structuredClone(examplePack());
    p.cases![1]!.want!.headline = 'Gold';
    const code = await run(['test', s.write('pack.json', p)], s.io);
    expect(code).toBe(EXIT.failed);
    expect(s.out.join('\n').split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('says whose acceptance a case\'s expected value rests on, when it is not from the document', async () => {
    const s = sandbox();
    const p: Pack = structuredClone(examplePack());
    p.cases![0]!.accepted = { by: 'Ann Lead', on: '2026-12-06' };
    expect(await run(['test', s.write('pack.json', p)], s.io)).toBe(EXIT.ok);
    const lines = s.out.join('\n').split('\n');
    expect(lines[0]).toBe('ok   all-fully-met-silver: Every criterion Fully met gives Silver everywhere (expected value accepted by Ann Lead on 2026-12-06)');
    expect(lines[1]).toBe('ok   late-statement: A late statement is Inadequate whatever the visit found');
  });

  it('analyses, and with --strict exits 1 when there is a gap', async () => {
    const s = sandbox();
    expect(await run(['analyse', s.write('pack.json', examplePack()), '--strict'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/FALLBACK-ONLY: covered only by the fallback, under interpretation "uncovered-combination" \(240 combinations\)/);
    const p: Pack = structuredClone(examplePack());
    delete p.decisions.visitBand!.fallback;
    const s2 = sandbox();
    expect(await run(['analyse', s2.write('gap.json', p), '--strict'], s2.io)).toBe(EXIT.failed);
    expect(s2.out.join('\n')).toMatch(/GAP: no rule and no fallback covers these inputs \(240 combinations\)/);
  });

  it('diffs two packs readably', async () => {
    const s = sandbox();
    const b: Pack = structuredClone(examplePack());
    b.framework!.domains[2]!.parameters!.silverMinFullyMet = 13;
    expect(await run(['diff', s.write('a.json', examplePack()), s.write('b.json', b)], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/~ Safety, silverMinFullyMet: 12 -> 13/);
  });

  it('exits 2 on usage errors', async () => {
    const s = sandbox();
    expect(await run([], s.io)).toBe(EXIT.usage);
    expect(await run(['frobnicate'], s.io)).toBe(EXIT.usage);
    expect(await run(['validate'], s.io)).toBe(EXIT.usage);
    expect(await run(['validate', 'x', '--bogus'], s.io)).toBe(EXIT.usage);
  });

  it('says clearly when no pack or council plugin has that name', async () => {
    const s = sandbox();
    expect(await run(['validate', 'atlantis'], s.io)).toBe(EXIT.failed);
    expect(s.err.join('\n')).toMatch(/No pack file, pack folder or council plugin called "atlantis"/);
  });

  it('scaffolds a new council whose starter pack validates and passes its cases, found by its id', async () => {
    const s = sandbox();
    writeFileSync(join(s.dir, 'pnpm-workspace.yaml'), 'packages:\n  - "packages/*"\n');
    mkdirSync(join(s.dir, 'packages', 'engine'), { recursive: true });
    cpSync(new URL('../../package.json', import.meta.url), join(s.dir, 'packages', 'engine', 'package.json'));
    mkdirSync(join(s.dir, 'packages', 'server'), { recursive: true });
    writeFileSync(join(s.dir, 'packages', 'server', 'package.json'), JSON.stringify({ name: '@openqaf/server', dependencies: {} }));
    mkdirSync(join(s.dir, '.changeset'));
    expect(await run(['new-council', 'wessex', '--name', 'Wessex Council'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/packages\/councils-wessex\/pack\/cases\/ratings\.json/);
    const pkg = JSON.parse(readFileSync(join(s.dir, 'packages', 'councils-wessex', 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('@openqaf/councils-wessex');
    expect(readFileSync(join(s.dir, '.changeset', 'wessex-pack.md'), 'utf8')).toMatch(/"@openqaf\/councils-wessex": minor/);
    expect(JSON.parse(readFileSync(join(s.dir, 'packages', 'server', 'package.json'), 'utf8')).dependencies).toEqual({ '@openqaf/councils-wessex': 'workspace:*' });
    s.out.length = 0;
    expect(await run(['validate', 'wessex'], s.io)).toBe(EXIT.ok);
    expect(await run(['test', 'wessex'], s.io)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toMatch(/3 passed, 0 failed/);
    expect(await run(['coverage', 'wessex', '--boundaries', '--strict'], s.io)).toBe(EXIT.ok);
    expect(await run(['new-council', 'wessex', '--name', 'Wessex Council'], s.io)).toBe(EXIT.failed);
    expect(await run(['new-council', 'Bad Slug', '--name', 'X'], s.io)).toBe(EXIT.failed);
  });
  it('criteria import: loads a CSV list into a pack folder, or names each bad row and leaves the folder as it was', async () => {
    const s = sandbox();
    expect(await run(['split', s.write('bundle.json', examplePack()), 'wessex'], s.io)).toBe(EXIT.ok);
    const rules = () => readFileSync(join(s.dir, 'wessex', 'pack.json'), 'utf8');
    const before = rules();
    s.write('bad.csv', 'id,wording,domain,standard,mandatory,advanced\ninvolvement-01,Care plans agreed,involvement,involvement-s1,maybe,no\n');
    expect(await run(['criteria', 'import', 'wessex', 'bad.csv'], s.io)).toBe(EXIT.failed);
    expect(s.err.join('\n')).toContain('bad.csv:2 (mandatory): "maybe" is not yes or no');
    expect(rules()).toBe(before);
    const lines = examplePack().framework!.domains.flatMap((d) => d.standards.flatMap((st) => st.criteria.map((c) =>
      [c.id, `Real wording of ${c.id}`, d.title, st.id, c.flags?.includes('mandatory') ? 'yes' : 'no', c.flags?.includes('advanced') ? 'yes' : 'no'].join(','))));
    s.write('criteria.csv', ['id,wording,domain,standard,mandatory,advanced', ...lines].join('\n'));
    expect(await run(['criteria', 'import', 'wessex', 'criteria.csv'], s.io)).toBe(EXIT.ok);
    expect(s.out.at(-1)).toMatch(/^Loaded 79 criteria into .*wessex:\n {2}involvement: 12 criteria, 4 mandatory, 6 advanced/);
    const written = JSON.parse(rules()) as Pack;
    expect(written.framework!.domains[0]!.standards[0]!.criteria[0]).toEqual({ id: 'involvement-01', title: 'Real wording of involvement-01', flags: ['mandatory'] });
    expect(await run(['test', 'wessex'], s.io)).toBe(EXIT.ok);
    expect(await run(['criteria', 'export', 'wessex', 'criteria.csv'], s.io)).toBe(EXIT.usage);
  });
  it('criteria import: sets the counting parameters to the loaded list and says which', async () => {
    const s = sandbox();
    expect(await run(['split', s.write('bundle.json', countingPack()), 'wessex'], s.io)).toBe(EXIT.ok);
    // Safety gets a sixth Mandatory criterion (safety-09 was a plain one).
    const lines = countingPack().framework!.domains.flatMap((d) => d.standards.flatMap((st) => st.criteria.map((c) =>
      [c.id, `Real wording of ${c.id}`, d.id, st.id, c.id === 'safety-09' || c.flags?.includes('mandatory') ? 'yes' : 'no', c.flags?.includes('advanced') ? 'yes' : 'no'].join(','))));
    s.write('criteria.csv', ['id,wording,domain,standard,mandatory,advanced', ...lines].join('\n'));
    expect(await run(['criteria', 'import', 'wessex', 'criteria.csv'], s.io)).toBe(EXIT.ok);
    expect(s.out.at(-1)).toMatch(/ {2}safety: 15 criteria, 6 mandatory, 3 advanced\n[^]*\nCounting parameters set to the new counts:\n {2}mandatory \(safety\): 5 -> 6$/);
    const written = JSON.parse(readFileSync(join(s.dir, 'wessex', 'pack.json'), 'utf8')) as Pack;
    expect(written.framework!.domains.map((d) => d.parameters!.mandatory)).toEqual([4, 4, 6, 4, 3]);
  });
});
