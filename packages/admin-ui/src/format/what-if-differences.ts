import type { WhatIfChange } from '../api/api-types.js';
import { longDate } from './long-date.js';

type Difference = WhatIfChange['differences'][number];

/** The order a provider's differences are read in: the headline first, then each domain's band. */
const ORDER: Record<Difference['kind'], number> = { headline: 0, decision: 1, actions: 2, schedule: 3, score: 4 };

/** An action's or a schedule entry's words: its label and, when it has one, its due or next date, written the UK way. */
function entry(x: unknown): string {
  if (typeof x !== 'object' || x === null) return String(x);
  const { label, due, nextDue } = x as { label?: string; due?: string; nextDue?: string };
  return `${label ?? JSON.stringify(x)}${due ? ` (due ${longDate(due)})` : nextDue ? ` (next ${longDate(nextDue)})` : ''}`;
}

/** "Actions added: A, B; removed: C" from the lists before and after. */
function listWords(name: string, before: unknown, after: unknown): string {
  const [b, a] = [Array.isArray(before) ? before.map(entry) : [], Array.isArray(after) ? after.map(entry) : []];
  const added = a.filter((x) => !b.includes(x));
  const removed = b.filter((x) => !a.includes(x));
  const parts = [...(added.length ? [`added: ${added.join(', ')}`] : []), ...(removed.length ? [`removed: ${removed.join(', ')}`] : [])];
  return `${name} ${parts.join('; ') || 'the same, in another order'}`;
}

/**
 * A provider's what-if differences in words, the headline first: "before → after" for the
 * headline, each decision (a domain's band) and each score, in the council's titles the server
 * gave; the actions and the schedule as what is added and what is removed.
 */
export function whatIfDifferenceWords(differences: readonly Difference[]): string[] {
  return [...differences]
    .sort((x, y) => ORDER[x.kind] - ORDER[y.kind])
    .map((d) => {
      if (d.kind === 'actions') return listWords('Actions', d.before, d.after);
      if (d.kind === 'schedule') return listWords('Schedule', d.before, d.after);
      return d.explanation.replaceAll(' -> ', ' → ');
    });
}
