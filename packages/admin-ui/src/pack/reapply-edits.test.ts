import { describe, expect, it } from 'vitest';
import { reapplyEdits } from './reapply-edits.js';

describe('reapplying my edits on a draft someone else saved', () => {
  const base = {
    framework: { domains: [{ id: 'safe', title: 'Safe', parameters: { silver: 12, gold: 15 } }, { id: 'led', title: 'Well led', parameters: { silver: 8 } }] },
    visits: { interval: 12 },
    cases: [{ id: 'a', expected: 'Gold' }],
  };

  it('keeps their changes where I changed nothing and applies mine where they changed nothing', () => {
    const mine = structuredClone(base);
    mine.framework.domains[0]!.parameters.silver = 13;
    const theirs = structuredClone(base);
    theirs.visits.interval = 6;
    theirs.framework.domains[1]!.title = 'Well-led';
    const { content, overwritten } = reapplyEdits(base, mine, theirs);
    expect(content).toEqual({
      framework: { domains: [{ id: 'safe', title: 'Safe', parameters: { silver: 13, gold: 15 } }, { id: 'led', title: 'Well-led', parameters: { silver: 8 } }] },
      visits: { interval: 6 },
      cases: [{ id: 'a', expected: 'Gold' }],
    });
    expect(overwritten).toEqual([]);
  });

  it('keeps mine where we both changed the same value, and names where', () => {
    const mine = structuredClone(base);
    mine.visits.interval = 9;
    const theirs = structuredClone(base);
    theirs.visits.interval = 6;
    const { content, overwritten } = reapplyEdits(base, mine, theirs);
    expect((content.visits as { interval: number }).interval).toBe(9);
    expect(overwritten).toEqual(['/visits/interval']);
  });

  it('keeps a case they added and one I deleted stays deleted only where they left the list alone', () => {
    const theirs = structuredClone(base);
    theirs.cases.push({ id: 'b', expected: 'Silver' });
    const mine = structuredClone(base);
    mine.visits.interval = 3;
    expect(reapplyEdits(base, mine, theirs).content.cases).toEqual([{ id: 'a', expected: 'Gold' }, { id: 'b', expected: 'Silver' }]);
    const deleted = { ...structuredClone(base), cases: [] };
    expect(reapplyEdits(base, deleted, structuredClone(base)).content.cases).toEqual([]);
  });

  it('keeps a member they added and removes one only I removed', () => {
    const theirs = { ...structuredClone(base), notes: 'added by them' };
    const mine = structuredClone(base) as Partial<typeof base>;
    delete mine.cases;
    const { content } = reapplyEdits(base, mine as Record<string, unknown>, theirs);
    expect(content.notes).toBe('added by them');
    expect('cases' in content).toBe(false);
  });

  it('escapes "/" and "~" in the pointers it lists', () => {
    const b = { 'a/b~c': 1 };
    expect(reapplyEdits(b, { 'a/b~c': 2 }, { 'a/b~c': 3 }).overwritten).toEqual(['/a~1b~0c']);
  });
});
