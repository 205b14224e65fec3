import type { Pack } from '@openqaf/engine';
import { humanize } from './editable-fields.js';
import { ownMember } from '@openqaf/engine/browser';

/**
 * Something a case may expect a value of (a decision, the headline, a score), and the
 * control that value needs: a choice of the scale's values, a number, or an ordered list of
 * values (a `collect` decision).
 */
export interface ValueTarget {
  /** The decision instance (`domainRating.safeguarding`), or the score id. */
  id: string;
  label: string;
  kind: 'choice' | 'number' | 'list' | 'text';
  choices?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
}

/** One entry of a pack list a case may name (an action, a schedule entry, an interpretation). */
export interface ListOption {
  id: string;
  label: string;
}

function target(pack: Pack, id: string, label: string, scaleId: string, collect: boolean): ValueTarget {
  const scale = ownMember(pack.scales, scaleId);
  if (scale && 'values' in scale) return { id, label, kind: collect ? 'list' : 'choice', choices: scale.values };
  if (scale && 'numeric' in scale) return { id, label, kind: 'number', min: scale.numeric.min, max: scale.numeric.max, integer: scale.numeric.integer ?? false };
  return { id, label, kind: 'text' };
}

/**
 * Every decision value a case may expect, per-domain decisions once per domain
 * (`domainRating.safeguarding`, labelled "Domain rating — Safeguarding and safety").
 */
export function decisionTargets(pack: Pack): ValueTarget[] {
  const domains = pack.framework?.domains ?? [];
  return Object.entries(pack.decisions).flatMap(([id, d]) =>
    d.forEach === 'domain'
      ? domains.map((dom) => target(pack, `${id}.${dom.id}`, `${d.label} — ${dom.title}`, d.scale, d.hitPolicy === 'collect'))
      : [target(pack, id, d.label, d.scale, d.hitPolicy === 'collect')],
  );
}

/** The headline's value target: the headline decision's scale, labelled "Headline: <decision>". */
export function headlineTarget(pack: Pack): ValueTarget | undefined {
  const id = pack.outcomes.headline;
  const d = ownMember(pack.decisions, id);
  return d ? target(pack, id, `Headline: ${d.label}`, d.scale, d.hitPolicy === 'collect') : undefined;
}

/** The pack's scores as number targets (a score may also be expected to have no value). */
export function scoreTargets(pack: Pack): ValueTarget[] {
  return (pack.outcomes.scores ?? []).map((s) => ({ id: s.id, label: s.label, kind: 'number' as const }));
}

/** The pack's actions, schedule entries and interpretations, as a case may name them. */
export function listOptions(pack: Pack): { actions: ListOption[]; schedule: ListOption[]; interpretations: ListOption[] } {
  return {
    actions: (pack.outcomes.actions ?? []).map((a) => ({ id: a.id, label: a.label })),
    schedule: (pack.outcomes.schedule ?? []).map((s) => ({ id: s.id, label: s.label })),
    interpretations: Object.entries(pack.interpretations ?? {}).map(([id, i]) => ({ id, label: i.title })),
  };
}

/** The label of a decision instance, score or other id, for a value the pack may not know. */
export function targetLabel(targets: readonly ValueTarget[], id: string): string {
  return targets.find((t) => t.id === id)?.label ?? humanize(id);
}

/**
 * The expected value typed or chosen for a target, or the problem with it in plain words.
 * A choice arrives JSON-encoded (`"Silver"`, `null`); an empty number means "no value".
 */
export function readExpectedValue(t: ValueTarget, raw: string): { value?: unknown; problem?: string } {
  if (t.kind === 'choice') {
    if (raw === '') return { problem: 'Choose the expected value.' };
    const value = JSON.parse(raw) as unknown;
    if (value !== null && !t.choices!.includes(value as string)) return { problem: `Choose one of: ${t.choices!.join(', ')}.` };
    return { value };
  }
  if (t.kind === 'number') {
    if (raw.trim() === '') return { value: null };
    const n = Number(raw);
    if (!Number.isFinite(n)) return { problem: `"${raw}" is not a number.` };
    if (t.integer && !Number.isInteger(n)) return { problem: 'Enter a whole number.' };
    if (t.min !== undefined && n < t.min) return { problem: `Enter ${t.min} or more.` };
    if (t.max !== undefined && n > t.max) return { problem: `Enter ${t.max} or less.` };
    return { value: n };
  }
  if (t.kind === 'text') return { value: raw };
  return { problem: 'A list is chosen one value at a time.' };
}
