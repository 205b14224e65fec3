import { compilePack, evaluate, type Pack } from '@openqaf/engine';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { describe, expect, it } from 'vitest';
import { deepText, mount, text } from './mount.test-helpers.js';
import './qaf-determination-view.js';

describe('qaf-determination-view', () => {
  it('says a headline nothing reads until a person decides it has no value yet, and names who decides', async () => {
    const pack = testPack();
    const overall = pack.decisions[pack.outcomes.headline]!;
    overall.decidedBy = { role: 'qa-team', label: 'the Quality Assurance Team', meanwhile: 'undecided', source: overall.rules![0]!.source };
    const determination = evaluate(compilePack(pack), { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} });
    const el = await mount('qaf-determination-view', { pack, determination });
    const t = text(el);
    expect(t).toMatch(/Overall rating:\s*Not yet decided\s*\(pending: awaiting a decision\)/);
    expect(t).not.toContain('null');
    expect(deepText(el)).toContain('Proposed: Bronze. To be decided by the Quality Assurance Team (no date set by the framework).');
  });

  it('answers why: the headline, each domain\'s band and what kept it from the next, actions and interpretations', async () => {
    const pack = testPack();
    const determination = evaluate(compilePack(pack), { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} }, { explain: true });
    const el = await mount('qaf-determination-view', { pack, determination });
    const t = text(el);
    expect(t).toContain('Overall rating: Bronze');
    expect(t).toMatch(/Safe\s*Bronze\s*Not Silver:/);
    expect(t).toContain('Submit an Improvement Action Plan');
    expect(t).toContain('8 March 2025');
    expect(t).toContain('Bronze needs every mandatory criterion at least Partly met');
    expect(t).toContain('Annual quality monitoring visit');
    // Dates and domains in words, never ISO dates or domain ids.
    expect(t).toContain('Visit of 1 March 2025');
    const every = el.shadowRoot!.querySelector('details')!.textContent!.replace(/\s+/g, ' ');
    expect(every).toContain(`(${pack.framework!.domains[0]!.title})`);
    expect(every).not.toContain(`(${pack.framework!.domains[0]!.id})`);
    // The criteria that kept Safe from Silver (at least 2 Fully met, 1 was): the Partly met ones, needing Fully met.
    const rows = [...el.shadowRoot!.querySelectorAll('.criteria-to-raise tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^s-02 .* \| Partly met \| Fully met \(1 of these\)$/);
    expect(rows[1]).toMatch(/^s-03 .* \| Partly met \| Fully met/);
  });

  it('says the day a determination was made as of when it is after the visit (an action recorded done later), and not otherwise', async () => {
    const pack = testPack();
    const input = { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} };
    const later = await mount('qaf-determination-view', { pack, determination: evaluate(compilePack(pack), input, { asOf: '2025-03-11' }) });
    expect(text(later)).toContain('Visit of 1 March 2025, determined as of 11 March 2025 (what was recorded by then counts');
    const same = await mount('qaf-determination-view', { pack, determination: evaluate(compilePack(pack), input) });
    expect(text(same)).toContain('Visit of 1 March 2025, decided under');
    expect(text(same)).not.toContain('determined as of');
  });

  it('shows the determination\'s warnings beside the headline, with their citation, and none for an old determination', async () => {
    const pack = testPack();
    pack.outcomes.warnings = [{ id: 'past-review', message: 'The guide is past its review date', when: { fact: 'assessmentDate', operator: 'after', value: '2025-02-28' }, source: pack.outcomes.actions![0]!.source }];
    const input = { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} };
    const determination = evaluate(compilePack(pack), input, { explain: true });
    const el = await mount('qaf-determination-view', { pack, determination });
    const warning = el.shadowRoot!.querySelector('.warning');
    expect(warning?.textContent).toContain('Warning: The guide is past its review date');
    expect(warning?.textContent).toContain(determination.warnings![0]!.citation);
    // A determination stored before warnings has no `warnings`: it renders without one.
    const { warnings: _w, ...old } = determination;
    const before = await mount('qaf-determination-view', { pack, determination: old });
    expect(before.shadowRoot!.querySelector('.warning')).toBeNull();
    expect(text(before)).toContain('Overall rating: Bronze');
  });

  it('renders a determination stored with the old trace, in its stored words', async () => {
    const pack = testPack();
    const d = evaluate(compilePack(pack), { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} });
    const determination = { ...d, trace: [{ decision: 'domainRating.safe', rule: 'silver', label: 'Silver', fired: false, because: ['needs at least 2 stored words; 1 was'] }] };
    const el = await mount('qaf-determination-view', { pack, determination });
    expect(text(el)).toContain('needs at least 2 stored words; 1 was');
  });
});

describe('qaf-determination-view with a decision a person takes', () => {
  it('marks the headline pending with the proposal, and once recorded says who decided, when and why', async () => {
    const pack = testPack();
    const d = pack.decisions[pack.outcomes.headline]!;
    d.decidedBy = { role: 'team-manager', label: 'the team manager', source: d.rules![0]!.source };
    const judgements = { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' };
    const compiled = compilePack(pack);
    const pending = deepText(await mount('qaf-determination-view', { pack, determination: evaluate(compiled, { date: '2025-03-01', judgements, facts: {} }) }));
    expect(pending).toContain('Bronze (pending: awaiting a decision)');
    expect(pending).toMatch(/Proposed: Bronze\. To be decided by the team manager \(no date set by the framework\)\./);
    const decided = deepText(await mount('qaf-determination-view', { pack, determination: evaluate(compiled, { date: '2025-03-01', judgements, facts: {}, decisions: { [pack.outcomes.headline]: { value: 'Silver', by: 'tm@example.test', at: '2025-03-05', reason: 'Plan in place' } } }) }));
    expect(decided).toMatch(/Silver\s*, decided by tm@example.test on 5 March 2025\s*: Plan in place\s*\(the rules gave Bronze\s*\)/);
    expect(decided).not.toContain('pending');
  }, 20_000);

  it('for a domain banded by its points, shows the number, what the next band needs and the criteria to raise with the points each gains', async () => {
    // By hand: Safe's three criteria score Not met 0, Partly met 1, Fully met 2 (c1 weighing 2): 8 points possible; the
    // domain is banded below 4 Bronze, 4 to below 6 Silver, 6 and above Gold. c1 Partly met 2 + c2 Fully met 2 + c3 Not met 0
    // = 4: Silver. Gold needs 6: c1 (2 x 1 more) and c3 (2 more) gain 2 each; on the tie the framework's order, c1.
    const s1 = { doc: '000', section: '3.1' };
    const bands = [{ value: 'Bronze', below: 4 }, { value: 'Silver', atLeast: 4, below: 6 }, { value: 'Gold', atLeast: 6 }];
    const pack: Pack = {
      metadata: { id: 'banded', council: 'Testshire Council', title: 'Banded', version: '1.0.0', effectiveFrom: '2024-01-01', documents: ['000'] },
      sources: { '000': { title: 'Testshire Quality Guidance', sections: { '3.1': 'Points and bands' } } },
      scales: {
        answer: { label: 'Judgement', values: ['Not met', 'Partly met', 'Fully met'], points: { 'Not met': 0, 'Partly met': 1, 'Fully met': 2 } },
        points: { label: 'Points', numeric: { min: 0, max: 8 } },
        rating: { label: 'Rating', values: ['Bronze', 'Silver', 'Gold'] },
      },
      framework: {
        judgements: { scale: 'answer', default: ['Not met', 'Partly met', 'Fully met'], required: true },
        domains: [{ id: 'safe', title: 'Safe', standards: [{ id: 's', title: 'Safe', criteria: [{ id: 'c1', title: 'Staff training', weight: 2 }, { id: 'c2', title: 'Care plans' }, { id: 'c3', title: 'Medicines' }] }] }],
      },
      inputs: { type: 'object', properties: {} },
      decisions: {
        domainScore: { label: 'Domain score', scale: 'points', hitPolicy: 'first', forEach: 'domain', source: s1, rules: [{ id: 'points', source: s1, when: { all: [] }, output: { fact: 'criteriaPoints', params: { domain: '$domain' } } }] },
        domainRating: { label: 'Domain rating', scale: 'rating', hitPolicy: 'first', forEach: 'domain', source: s1, rules: [{ id: 'band', source: s1, when: { all: [] }, output: { band: { fact: 'domainScore', params: { domain: '$domain' } }, bands } }] },
        overallRating: { label: 'Overall rating', scale: 'rating', hitPolicy: 'first', source: s1, rules: [{ id: 'safe', source: s1, when: { all: [] }, output: { fact: 'domainRating', params: { domain: 'safe' } } }] },
      },
      outcomes: { headline: 'overallRating' },
    };
    const determination = evaluate(compilePack(pack), { date: '2025-03-01', judgements: { c1: 'Partly met', c2: 'Fully met', c3: 'Not met' }, facts: {} }, { explain: true });
    const el = await mount('qaf-determination-view', { pack, determination });
    expect(text(el)).toMatch(/Safe\s*Silver\s*Not Gold:\s*Domain score for Safe was 4 \(4 of 8 points\), in the band Silver: Gold needs 6 or more/);
    const rows = [...el.shadowRoot!.querySelectorAll('.criteria-to-raise tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(rows).toEqual(['c1 Staff training | Partly met | Fully met (2 points more)']);
  }, 20_000);
});
