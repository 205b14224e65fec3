import { readFileSync } from 'node:fs';
import type { Pack } from '@openqaf/engine';
import { declaredTestPack } from '../pack/declared-test-pack.test-helpers.js';
import { INHERITED_NAMES, INHERITED_READ } from '../pack/inherited-names.test-helpers.js';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-decision-table.js';

describe('qaf-decision-table', () => {
  it('shows a per-domain decision\'s numbers per domain and its rules with citations and interpretations', async () => {
    const el = await mount('qaf-decision-table', { pack: testPack(), decisionId: 'domainRating' });
    const t = text(el);
    expect(t).toContain('Numbers for each domain');
    expect(t).toContain('Silver min fully met');
    expect(t).toMatch(/Safe\s*2/);
    expect(t).toContain('Silver: at least silverMinFullyMet Fully met');
    expect(t).toContain('Otherwise (no rule applies)');
    const cite = el.shadowRoot!.querySelector('qaf-citation')!;
    await cite.updateComplete;
    expect(cite.shadowRoot!.textContent).toContain('000 s3.2');
  });

  it("heads each domain's number with the label the pack declares for it, not one made from its name", async () => {
    const el = await mount('qaf-decision-table', { pack: declaredTestPack(), decisionId: 'domainRating' });
    const heads = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(heads).toContain('Silver: Fully met criteria at least');
    expect(heads).not.toContain('Silver min fully met');
  });

  it('shows a decision written as a table with each row as a rule, read as a sentence, with its citation', async () => {
    const pack = testPack();
    const overall = pack.decisions.overall!;
    pack.decisions.overall = {
      ...overall,
      table: {
        inputs: [{ fact: 'domainCount', params: { decision: 'domainRating', is: 'Gold' }, label: 'Gold domains' }],
        rows: [{ id: 'all-gold', cells: [{ '>=': 1 }], output: 'Gold', source: { doc: '000', section: '3.1' } }],
      },
    };
    const el = await mount('qaf-decision-table', { pack, decisionId: 'overall' });
    expect(text(el)).toContain('If Gold domains is at least 1, then Gold');
    const cites = [...el.shadowRoot!.querySelectorAll('qaf-citation')];
    expect(cites).toHaveLength(overall.rules!.length + 1 + (overall.fallback ? 1 : 0));
  });

  it("reads Birmingham's domain rating rules without a parameter's id, each domain's numbers in their own table", async () => {
    const pack = JSON.parse(readFileSync(`${process.cwd()}/../councils-birmingham/pack/pack.json`, 'utf8')) as Pack;
    const el = await mount('qaf-decision-table', { pack, decisionId: 'domainRating' });
    const t = text(el);
    for (const name of Object.keys(pack.parameters ?? {})) expect(t).not.toMatch(new RegExp(`\\b${name}\\b`));
    // 000 s3.2.2: Silver needs at least the domain's number of criteria Fully met, shown per domain.
    expect(t).toContain("at least the domain's number of criteria judged Fully met (Involvement and information 9, Personalised care and support 13, Safeguarding and safety 12, Suitability of staffing 15, Quality of management 13)");
    expect(t).not.toContain('"Silver: criteria rated Fully met, at least"');
    // "1 or more of the Mandatory criteria Not met": one criterion, in the singular.
    expect(t).toContain('at least 1 mandatory criterion judged Not met');
    // Involvement and information (000 s3.2.2): 4 Mandatory; Gold 5 of the 6 advanced; Silver 9 of 12; Bronze no more than 2; Inadequate 3 or more.
    expect(t).toMatch(/Involvement and information\s*4\s*5\s*9\s*2\s*3/);
  });

  it.each(INHERITED_NAMES)('reads "%s" as no such decision, parameter, scale, fact, source or interpretation, never an inherited member', async (name) => {
    expect(text(await mount('qaf-decision-table', { pack: testPack(), decisionId: name }))).toBe('');
    const pack = testPack();
    const rating = pack.decisions.domainRating!;
    // A draft pack mid-edit: every name below is one the pack does not declare.
    pack.decisions.domainRating = {
      ...rating,
      scale: name,
      hitPolicy: name as 'first',
      rules: [{ id: 'odd', output: 'Gold', when: { all: [{ fact: name, operator: 'greaterThanInclusive', value: { param: name } }] }, source: { doc: name, section: name }, interpretation: name }],
    };
    pack.framework!.domains[0]!.parameters = { silverMinFullyMet: 2 };
    const el = await mount('qaf-decision-table', { pack, decisionId: 'domainRating' });
    const cite = el.shadowRoot!.querySelector('qaf-citation')!;
    await cite.updateComplete;
    const shown = `${text(el)} ${cite.shadowRoot!.textContent} ${cite.shadowRoot!.querySelector('cite')!.title}`;
    expect(shown).not.toMatch(INHERITED_READ);
    expect(text(el)).toContain(`Result on the scale ${name}: ${name}.`);
    expect(text(el)).toContain('the declared number');
    expect(cite.shadowRoot!.querySelector('cite')!.title).toBe(name);
  });
});
