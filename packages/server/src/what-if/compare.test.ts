import { describe, expect, it } from 'vitest';
import { compareUnderPacks, PublishedMemo } from './compare.js';
import { packWithCareBand, row } from './what-if.test-helpers.js';

// Expected values follow the test pack's rules (test-fixtures/testshire-pack.ts): overall Gold at
// 4 Fully met, Silver at 3, Bronze with at most one Not met (the rest are Partly met here);
// "Care band" Silver at `careSilverMin` Fully met, else Bronze.
const published = packWithCareBand(2);
const draft = packWithCareBand(3);

describe('compareUnderPacks', () => {
  const rows = [row(1, 4), row(2, 2), row(3, 3), row(4, 0, {})];

  it("lists a provider whose domain band changes while the headline does not, with the difference in words", () => {
    const report = compareUnderPacks(rows, published, draft, undefined);
    // Provider 2: 2 Fully met is Bronze overall under both; its care band is Silver at 2, Bronze at 3.
    expect(report.changed).toEqual([
      expect.objectContaining({
        providerId: 'p2', assessmentId: 'a2', before: 'Bronze', after: 'Bronze', headlineChanged: false,
        differences: [{ kind: 'decision', id: 'careRating', explanation: 'Care band: Silver -> Bronze', before: 'Silver', after: 'Bronze' }],
      }),
    ]);
  });

  it('counts every provider exactly, the refused ones under each pack', () => {
    const report = compareUnderPacks(rows, published, draft, undefined);
    expect(report.providers).toBe(4);
    expect(report.before).toEqual({ Gold: 1, Bronze: 1, Silver: 1 });
    expect(report.after).toEqual({ Gold: 1, Bronze: 1, Silver: 1 });
    expect(report.unchanged).toBe(2);
    // Provider 4 lacks the required fact "concerns": refused under both packs, neither counted nor compared.
    expect(report.errors.map((e) => [e.providerId, e.under])).toEqual([['p4', 'published'], ['p4', 'draft']]);
    expect(report.errors[0]!.message).toMatch(/concerns/);
  });

  it('takes the input as stored JSON text or as its value, with the same report', () => {
    const parsed = rows.map((r) => ({ ...r, input: JSON.parse(r.input as string) as { date: string } }));
    expect(compareUnderPacks(parsed, published, draft, undefined)).toEqual(compareUnderPacks(rows, published, draft, undefined));
  });

  it("keeps a person's decision recorded earlier under a draft whose proposal departs from it, instead of refusing the provider", () => {
    // The team manager took the care band (a reason required when departing) and agreed Silver at 2 Fully met without one;
    // the draft proposes Bronze at 2: the decision stands under it, marked as departing without a reason.
    const withPerson = (p: ReturnType<typeof packWithCareBand>) => {
      const pack = structuredClone(p.pack) as typeof p.pack & { decisions: Record<string, { decidedBy?: unknown }> };
      pack.decisions.careRating!.decidedBy = { role: 'team-manager', label: 'the team manager', reasonRequired: 'when-departing', source: { doc: 'qaf', section: '2' } };
      return { pack, hash: `${p.hash}+person` };
    };
    const stored = row(2, 2);
    const input = { ...JSON.parse(stored.input as string), decisions: { careRating: { value: 'Silver', by: 'Team Manager', at: '2025-02-03' } } };
    const report = compareUnderPacks([{ ...stored, input: JSON.stringify(input) }], withPerson(published), withPerson(draft), undefined);
    expect(report.errors).toEqual([]);
    expect(report.changed).toEqual([]);
    expect(report.unchanged).toBe(1);
  });

  it('refuses a stored input that is not JSON once, under the published pack', () => {
    const report = compareUnderPacks([{ ...row(5, 4), input: '{"date":' }], published, draft, undefined);
    expect(report.errors).toEqual([expect.objectContaining({ providerId: 'p5', under: 'published' })]);
    expect(report.before).toEqual({});
    expect(report.after).toEqual({});
  });

  it('gives the same report with determinations kept from the last what-if, and evaluates rows it has not seen', () => {
    const memo = new PublishedMemo(published);
    const first = compareUnderPacks(rows, published, draft, undefined, memo);
    expect(compareUnderPacks(rows, published, draft, undefined, memo)).toEqual(first);
    // Provider 2 has a newer assessment (4 Fully met): Gold under both, nothing changes for it.
    const newer = [rows[0]!, { ...row(2, 4), id: 'a2-newer' }, rows[2]!, rows[3]!];
    const report = compareUnderPacks(newer, published, draft, undefined, memo);
    expect(report.before).toEqual({ Gold: 2, Silver: 1 });
    expect(report.changed).toEqual([]);
    expect(report.unchanged).toBe(3);
  });
});
