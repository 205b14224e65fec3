import type { PackChange } from '../api/api-types.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-diff-view.js';

describe('qaf-diff-view', () => {
  it('lists each change in the engine\'s words, rules and thresholds before cases, without a JSON path', async () => {
    const changes: PackChange[] = [
      { pointer: '/cases/0/want/headline', kind: 'changed', before: 'Silver', after: 'Gold', summary: 'case all-fully-met-silver: expects headline Silver -> Gold' },
      { pointer: '/framework/domains/2/parameters/silverMinFullyMet', kind: 'changed', before: 12, after: 13, summary: 'Safeguarding and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria' },
    ];
    const el = await mount('qaf-diff-view', { changes });
    const t = text(el);
    expect(t).toContain('2 changes.');
    const rules = t.indexOf('Safeguarding and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria');
    const cases = t.indexOf('case all-fully-met-silver: expects headline Silver -> Gold');
    expect(rules).toBeGreaterThan(-1);
    expect(cases).toBeGreaterThan(rules);
    expect(t).not.toContain('framework');
    expect(t).not.toContain('/cases');
  });

  it('says "1 change" for one', async () => {
    const el = await mount('qaf-diff-view', { changes: [{ pointer: '/parameters/x/value', kind: 'changed', before: 1, after: 2, summary: 'X: 1 -> 2' }] });
    expect(text(el)).toContain('1 change.');
  });

  it('says so when there is no difference', async () => {
    const el = await mount('qaf-diff-view', { changes: [] });
    expect(text(el)).toContain('No differences');
  });
});
