import { describe, expect, it } from 'vitest';
import { caseAssessment, compilePack, evaluate } from '@openqaf/engine';
import type { Assessment, Pack } from '@openqaf/engine';
import plugin, { pack } from './index.js';

/**
 * The pack with `monthsAfter` written as data: each `{ "fact": "monthsAfter", "params": { "date",
 * "months" } }` condition value becomes `{ "addMonths": months, "to": { "fact": date } }`, and the
 * plugin fact is no longer declared. The engine's date arithmetic in condition values makes the
 * plugin fact unnecessary; this shows the two give the same determinations.
 */
function asData(p: Pack): { pack: Pack; replaced: number } {
  let replaced = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const params = o.params as { date?: unknown; months?: unknown } | undefined;
    if (o.fact === 'monthsAfter' && typeof params?.date === 'string' && typeof params.months === 'number') {
      replaced++;
      return { addMonths: params.months, to: { fact: params.date } };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  };
  const out = walk(p) as Pack;
  delete out.extensions;
  return { pack: out, replaced };
}

const withPlugin = compilePack(pack, { extensions: plugin.extensions ?? {} });
const { pack: dataPack, replaced } = asData(pack);
const withoutPlugin = compilePack(dataPack);
/** What an evaluation decides (not the trace's wording), or the error a case expects. */
const outcome = (c: typeof withPlugin, a: Assessment): unknown => {
  try {
    const d = evaluate(c, a);
    return { headline: d.headline.value, decisions: d.decisions, actions: d.actions, schedule: d.schedule };
  } catch (e) {
    return { error: String(e) };
  }
};

describe('Herefordshire\'s "in place for more than 3 months" as data', () => {
  it('needs no plugin fact: the rewritten pack compiles without extensions', () => {
    expect(replaced).toBeGreaterThan(0);
    expect(JSON.stringify(dataPack)).not.toContain('monthsAfter');
  });

  it('gives every case of the pack the determination the plugin fact gives', () => {
    const decided = (pack.cases ?? []).filter((c) => !('error' in (outcome(withPlugin, caseAssessment(pack, c)) as object)));
    expect(decided.length).toBeGreaterThan(10);
    for (const c of pack.cases ?? []) expect(outcome(withoutPlugin, caseAssessment(pack, c)), c.id).toEqual(outcome(withPlugin, caseAssessment(pack, c)));
  });

  it('agrees on both sides of the 3-month boundary, including a month end', () => {
    const at = (issuedOn: string, date: string): Assessment => ({ date, facts: { advisoryNoticeOrPlacementSuspensionIssued: true, advisoryNoticeOrPlacementSuspensionIssuedOn: issuedOn }, judgements: {} });
    for (const [issuedOn, date] of [['2024-10-31', '2025-01-31'], ['2024-10-31', '2025-02-01'], ['2024-11-30', '2025-02-28'], ['2024-11-30', '2025-03-01'], ['2024-11-30', '2024-12-01']]) {
      expect(outcome(withoutPlugin, at(issuedOn!, date!)), `${issuedOn} ${date}`).toEqual(outcome(withPlugin, at(issuedOn!, date!)));
    }
    const headline = (date: string) => (outcome(withoutPlugin, at('2024-10-31', date)) as { headline: unknown }).headline;
    expect(headline('2025-01-31')).not.toEqual(headline('2025-02-01'));
  });
});
