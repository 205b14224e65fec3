import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackSource } from '../source/load-pack-source.js';
import { examplePack } from '../fixtures/example-pack.js';
import { statementsPack } from '../fixtures/statements-pack.js';
import type { Pack } from '../types.js';
import { diffPacks } from './diff-packs.js';

describe('diffPacks', () => {
  it('finds no change between identical packs', () => {
    expect(diffPacks(examplePack(), examplePack()).changes).toEqual([]);
  });

  it('describes a threshold change in the council\'s words', () => {
    const b: Pack = structuredClone(examplePack());
    b.metadata.version = '1.1.0';
    b.framework!.domains[2]!.parameters!.silverMinFullyMet = 13;
    const d = diffPacks(examplePack(), b);
    // The example pack declares no parameter "silverMinFullyMet": its name is all there is to say.
    expect(d.changes.map((c) => c.summary)).toEqual(['pack version: 1.0.0 -> 1.1.0', 'Safety, silverMinFullyMet: 12 -> 13']);
    expect(d.changes[1]).toMatchObject({ pointer: '/framework/domains/2/parameters/silverMinFullyMet', kind: 'changed', before: 12, after: 13 });
  });

  it('says a limiter\'s cap in words, with what it was and when it applies, never as "atMost: x -> y"', () => {
    const a = statementsPack();
    const b = statementsPack();
    b.decisions.domainRating!.limits![0]!.atMost = 'Silver';
    const changes = diffPacks(a, b).changes;
    expect(changes.map((c) => c.summary)).toEqual(['Domain rating can be at most Silver (was Bronze) when at least 1 criterion judged 1']);
    expect(changes[0]).toMatchObject({ pointer: '/decisions/domainRating/limits/0/atMost', kind: 'changed', before: 'Bronze', after: 'Silver' });
    // Its condition changed too: the cap in words, then the condition's change under the limiter's name.
    b.decisions.domainRating!.limits![0]!.when = { all: [{ fact: 'criteriaCount', params: { domain: '$domain', is: '1' }, operator: 'greaterThanInclusive', value: 2 }, { fact: 'domainScore', params: { domain: '$domain' }, operator: 'lessThan', value: 12 }] };
    expect(diffPacks(a, b).changes.map((c) => c.summary)).toEqual([
      'Domain rating can be at most Silver (was Bronze) when at least 2 criteria judged 1 and the Domain score is less than 12',
      'Domain rating, limiter "a statement scored 1: the domain cannot be above Bronze": when at least 1 criterion judged 1 -> at least 2 criteria judged 1 and the Domain score is less than 12',
    ]);
  });

  it('says a limiter added or removed in words: what it caps, and when', () => {
    const a = statementsPack();
    const b = statementsPack();
    b.decisions.domainRating!.limits!.push({ id: 'scored-2', label: 'two statements scored 2', atMost: 'Silver', source: { doc: 'guide', section: '4' }, when: { fact: 'criteriaCount', params: { domain: '$domain', is: '2' }, operator: 'greaterThanInclusive', value: 2 } });
    expect(diffPacks(a, b).changes.map((c) => c.summary)).toEqual(['Domain rating: added limiter "two statements scored 2": Domain rating can be at most Silver when at least 2 criteria judged 2']);
    expect(diffPacks(b, a).changes.map((c) => c.summary)).toEqual(['Domain rating: removed limiter "two statements scored 2": Domain rating can be at most Silver when at least 2 criteria judged 2']);
  });

  it('says a schedule interval with its unit singular or plural', () => {
    const b: Pack = structuredClone(examplePack());
    b.outcomes.schedule![0]!.every = { months: 1 };
    expect(diffPacks(examplePack(), b).changes.map((c) => c.summary)).toEqual(['schedule "Annual quality visit": every 12 months -> every month']);
  });

  it('names a warning by its message', () => {
    const a: Pack = structuredClone(examplePack());
    a.outcomes.warnings = [{ id: 'old', message: 'The guide is past its review date', when: { all: [] }, source: { doc: 'guide', section: '1' } }];
    const b: Pack = structuredClone(a);
    b.outcomes.warnings![0]!.message = 'The guide may be out of date';
    const [change] = diffPacks(a, b).changes;
    // Named as it reads now, as actions and rules are.
    expect(change!.summary).toBe('warning "The guide may be out of date": message "The guide is past its review date" -> "The guide may be out of date"');
  });

  it('lists rule and threshold changes before case changes, whatever the order of the pack\'s keys', () => {
    const { cases, ...rest } = structuredClone(examplePack());
    cases![0]!.want!.headline = 'Gold';
    const b = { cases, ...rest } as Pack;
    b.framework!.domains[2]!.parameters!.silverMinFullyMet = 13;
    const changes = diffPacks(examplePack(), b).changes;
    expect(changes.map((c) => c.pointer.split('/')[1])).toEqual(['framework', 'cases']);
    expect(changes[1]!.summary).toBe('case all-fully-met-silver: expects headline Silver -> Gold');
  });

  it('names the rule and condition whose value changed', () => {
    const b: Pack = structuredClone(examplePack());
    const leaf = (b.decisions.visitBand!.rules![0]!.when as { all: { value: number }[] }).all[0]!;
    leaf.value = 3;
    const [change] = diffPacks(examplePack(), b).changes;
    // The count as the registry words it (language/wording.ts: operatorCountWords, factWords), the decision by its label.
    expect(change!.summary).toBe('Visit band, rule "Gold": at least 2 -> 3 domains whose domain band is Gold');
  });

  it('matches rules, actions and criteria by id, so a reorder is reported as an order change only', () => {
    const b: Pack = structuredClone(examplePack());
    b.outcomes.actions!.reverse();
    b.outcomes.actions!.push({ id: 'notify', label: 'Notify the regulator', owner: 'council', source: { doc: 'guide', section: '4' }, when: { all: [] } });
    const summaries = diffPacks(examplePack(), b).changes.map((c) => `${c.kind}: ${c.summary}`);
    expect(summaries).toEqual(['added: pack: added action "Notify the regulator"', 'changed: pack: order of the actions changed']);
  });
});

/** Real council packs, changed as a quality lead would; the words expected are the packs' own labels. */
describe('diffPacks on the council packs, in the council\'s words', () => {
  const load = (council: string): Pack => readPackSource(fileURLToPath(new URL(`../../../councils-${council}/pack`, import.meta.url)));
  const birmingham = load('birmingham');
  const bolton = load('bolton');
  const summaries = (a: Pack, b: Pack): string[] => diffPacks(a, b).changes.map((c) => c.summary);
  const noPointer = (s: string): void => expect(s).not.toMatch(/\/(framework|decisions|parameters|cases|outcomes)\//);

  it('a Birmingham domain threshold: 000 s3.2.2, Safeguarding and safety Silver is "At least 12 of the 15 criteria ... Fully met"', () => {
    const b = structuredClone(birmingham);
    const safeguarding = b.framework!.domains.find((d) => d.id === 'safeguarding')!;
    expect(safeguarding.parameters!.silverMinFullyMet).toBe(12);
    safeguarding.parameters!.silverMinFullyMet = 13;
    const [change, ...rest] = diffPacks(birmingham, b).changes;
    expect(rest).toEqual([]);
    // The domain's title and the parameter's declared label and unit (the pack's parameters).
    expect(change!.summary).toBe('Safeguarding and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria');
    expect(change).toMatchObject({ kind: 'changed', before: 12, after: 13 });
  });

  it('a domain\'s own value of a declared parameter, added, by the parameter\'s label', () => {
    const a = structuredClone(birmingham);
    const safeguarding = a.framework!.domains.find((d) => d.id === 'safeguarding')!;
    delete safeguarding.parameters!.silverMinFullyMet;
    expect(summaries(a, birmingham)).toEqual(['Safeguarding and safety: added "Silver: criteria rated Fully met, at least" = 12 criteria']);
  });

  it('a Bolton visit number: 003 A1, "Residential Services with more than 6 beds 4"', () => {
    const b = structuredClone(bolton);
    expect(b.parameters!.visitsLargerCqcService!.value).toBe(4);
    b.parameters!.visitsLargerCqcService!.value = 5;
    expect(summaries(bolton, b)).toEqual(['Minimum visits: larger residential and domiciliary services, supported living with multiple addresses, Extra Care: 4 -> 5 visits per year']);
  });

  it('a declared unit agrees with the new number: one visit per year, not "1 visits per year"', () => {
    const b = structuredClone(bolton);
    b.parameters!.visitsLargerCqcService!.value = 1;
    expect(summaries(bolton, b)).toEqual(['Minimum visits: larger residential and domiciliary services, supported living with multiple addresses, Extra Care: 4 -> 1 visit per year']);
  });

  it('a Bolton size threshold: 003 A1, "more than 6 beds", changed to 8 reads by the parameter, the rows unchanged', () => {
    const b = structuredClone(bolton);
    b.parameters!.residentialMoreThanBeds!.value = 8;
    expect(summaries(bolton, b)).toEqual(['Residential Services with more than this many beds (else this many beds or less): 6 -> 8 beds']);
  });

  it('a table cell of Birmingham\'s Home Support score (000 s6.1) by its column\'s heading and the row\'s words', () => {
    const b = structuredClone(birmingham);
    const row = b.decisions.homeSupportBaseScore!.table!.rows.find((r) => r.id === 'gold-not-from-domains')!;
    row.cells[1] = 'Silver';
    const [s] = summaries(birmingham, b);
    expect(s).toBe('Home Support quality score before the customer feedback adjustment, row "Overall Gold not given by this visit\'s domains: bottom of the Gold range", This visit\'s band: is not Gold -> is Silver');
  });

  it('a rule added and removed, a citation, a criterion\'s wording, a case: each named in words, cases last', () => {
    const b = structuredClone(birmingham);
    const rules = b.decisions.domainRating!.rules!;
    const removed = rules.pop()!;
    rules[0]!.source = { doc: '000', section: '3.2.3' };
    b.framework!.domains[0]!.standards[0]!.criteria[0]!.title = 'Involvement and information criterion 1, reworded';
    b.cases![0]!.want!.headline = 'Gold';
    b.outcomes.actions!.push({ ...b.outcomes.actions![0]!, id: 'new-action', label: 'Tell the provider' });
    const all = summaries(birmingham, b);
    all.forEach(noPointer);
    expect(all).toContain(`Domain rating: removed rule "${removed.label!}"`);
    expect(all).toContain(`Domain rating, rule "${rules[0]!.label!}": cites ${birmingham.sources['000']!.title} 3.2.2 -> 3.2.3`);
    expect(all).toContain(`Involvement and information, standard "${b.framework!.domains[0]!.standards[0]!.title}", criterion inv-01: wording "${birmingham.framework!.domains[0]!.standards[0]!.criteria[0]!.title}" -> "Involvement and information criterion 1, reworded"`);
    expect(all).toContain('pack: added action "Tell the provider"');
    expect(all.at(-1)).toBe(`case ${b.cases![0]!.id}: expects headline ${birmingham.cases![0]!.want!.headline as string} -> Gold`);
  });

  it('a condition\'s operator, in the registry\'s words before and after', () => {
    const b = structuredClone(birmingham);
    const leaf = (b.decisions.domainRating!.rules!.find((r) => r.id === 'silver')!.when as { all: { operator: string }[] }).all[0]!;
    expect(leaf.operator).toBe('greaterThanInclusive');
    leaf.operator = 'greaterThan';
    const [s] = summaries(birmingham, b);
    // 000 s3.2.2: Silver needs 9, 13, 12, 15 and 13 criteria Fully met in the five domains, in their order; named once, never by a quoted label.
    expect(s).toMatch(/^Domain rating, rule "Silver[^"]*": at least the domain's number of criteria judged Fully met -> more than the domain's number of criteria judged Fully met \(Involvement and information 9, Personalised care and support 13, Safeguarding and safety 12, Suitability of staffing 15, Quality of management 13\)$/);
  });

  it('a per-domain number changed into a literal, and a pack-wide parameter by its value', () => {
    const b = structuredClone(birmingham);
    const leaf = (b.decisions.domainRating!.rules!.find((r) => r.id === 'silver')!.when as { all: { value: unknown }[] }).all[0]!;
    leaf.value = 10;
    const [s] = summaries(birmingham, b);
    expect(s).toMatch(/: at least the domain's number of criteria judged Fully met \(Involvement and information 9, .*Quality of management 13\) -> at least 10 criteria judged Fully met$/);
    expect(s).not.toContain('"Silver: criteria');
  });

  it('a count of criteria in a named domain, by the domain\'s title, never its id', () => {
    const b = structuredClone(birmingham);
    const leaf = (b.decisions.domainRating!.rules!.find((r) => r.id === 'silver')!.when as { all: { params: Record<string, unknown>; value: unknown }[] }).all[0]!;
    leaf.params = { ...leaf.params, domain: 'safeguarding' };
    leaf.value = 1;
    const [s] = summaries(birmingham, b);
    expect(s).toMatch(/-> at least 1 criterion in Safeguarding and safety judged Fully met$/);
    expect(s).not.toContain('in safeguarding');
  });
});
