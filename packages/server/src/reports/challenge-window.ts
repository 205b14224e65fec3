import type { Pack } from '../engine/index.js';
import type { ChallengeWindow } from './provider-report.js';

/** The pack parameter that, when declared, sets the factual-accuracy challenge window in days. */
export const CHALLENGE_WINDOW_PARAMETER = 'challengeWindowDays';

/**
 * The window when neither the pack declares one nor the council has set one. None of the three
 * councils' documents names a window for factual-accuracy comments, so this is an interpretation
 * (docs/reports.md): fourteen calendar days from the day the draft is shared.
 */
export const DEFAULT_CHALLENGE_WINDOW_DAYS = 14;

/** `date` plus `days` calendar days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/**
 * How long the provider may comment on the draft report, from the day it is shared: the pack's
 * declared `challengeWindowDays` parameter (cited) when it has one, else the council's setting,
 * else the documented default; the last two are named as an interpretation.
 */
export function challengeWindow(pack: Pack, councilDays: number | null, sharedOn: string): ChallengeWindow {
  const declared = pack.parameters?.[CHALLENGE_WINDOW_PARAMETER];
  if (declared && typeof declared.value === 'number') {
    const doc = pack.sources[declared.source.doc]?.title ?? declared.source.doc;
    const cited = `${declared.label}: ${doc}${declared.source.section ? `, section ${declared.source.section}` : ''}`;
    const interpretation = declared.interpretation ? pack.interpretations?.[declared.interpretation]?.title : undefined;
    return { days: declared.value, until: addDays(sharedOn, declared.value), basis: 'pack', why: interpretation ? `${cited} (interpretation: ${interpretation})` : cited };
  }
  const days = councilDays ?? DEFAULT_CHALLENGE_WINDOW_DAYS;
  return {
    days,
    until: addDays(sharedOn, days),
    basis: 'council',
    why: councilDays === null
      ? `Interpretation: the council's framework sets no window for factual-accuracy comments; OpenQAF allows ${days} days from sharing by default`
      : `Interpretation: the council's framework sets no window for factual-accuracy comments; the council allows ${days} days from sharing`,
  };
}
