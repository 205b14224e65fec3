import type { Determination, Pack, PackCase } from '@openqaf/engine';
import { humanize } from './editable-fields.js';
import { counted } from '../format/count-words.js';
import { datesInText, longDate } from '../format/long-date.js';
import { decisionTargets, headlineTarget, listOptions, scoreTargets, targetLabel } from './expectation-targets.js';
import { ownMember, valueWords } from '@openqaf/engine/browser';

/** A case's `fillJudgements` as domain id (or `*` for every domain) -> judgement. */
export function fillsOf(c: PackCase): Record<string, string> {
  if (c.fillJudgements === undefined) return {};
  return typeof c.fillJudgements === 'string' ? { '*': c.fillJudgements } : { ...c.fillJudgements };
}

function judgementLines(pack: Pack, c: PackCase): string[] {
  const fills = fillsOf(c);
  const lines: string[] = [];
  const title = (id: string) => pack.framework?.domains.find((d) => d.id === id)?.title ?? id;
  if (fills['*']) lines.push(`Every criterion ${fills['*']}`);
  for (const [dom, j] of Object.entries(fills)) if (dom !== '*') lines.push(`${title(dom)}: every criterion ${j}`);
  const byJudgement = new Map<string, string[]>();
  for (const [criterion, j] of Object.entries(c.input.judgements ?? {})) byJudgement.set(j, [...(byJudgement.get(j) ?? []), criterion]);
  const exceptions = [...byJudgement].map(([j, ids]) => `${j}: ${ids.join(', ')}`);
  if (exceptions.length) lines.push(`${lines.length ? 'Except ' : 'Judged '}${exceptions.join('; ')}`);
  if (lines.length === 0 && pack.framework) lines.push('No criterion judged');
  return lines;
}

/** An input's title in the pack (`inputs.properties.<name>.title`), else its name in words. */
function inputTitle(pack: Pack, name: string): string {
  const title = (pack.inputs?.properties as Record<string, { title?: unknown }> | undefined)?.[name]?.title;
  return typeof title === 'string' && title ? title : humanize(name);
}

/**
 * A case's assessment in plain words: the visit date, the judgements (the fill and the
 * exceptions to it) and each recorded fact.
 * @example ["Visit on 3 March 2025", "Every criterion Fully met", "Except Partly met: saf-06, saf-07", "Service type: Home Support"]
 */
export function inputSummary(pack: Pack, c: PackCase): string[] {
  return [
    `Visit on ${longDate(c.input.date)}${c.asOf ? `, judged as of ${longDate(c.asOf)}` : ''}`,
    ...judgementLines(pack, c),
    ...Object.entries(c.input.facts ?? {}).map(([name, v]) => `${inputTitle(pack, name)}: ${typeof v === 'string' ? longDate(v) : valueWords(v)}`),
  ];
}

/** What a case expects, one line per expectation, in plain words. */
export function expectationSummary(pack: Pack, c: PackCase): string[] {
  const w = c.want ?? {};
  const decisions = decisionTargets(pack);
  const lists = listOptions(pack);
  const name = (options: { id: string; label: string }[], id: string) => options.find((o) => o.id === id)?.label ?? id;
  const idOf = (x: string | { id: string }) => (typeof x === 'string' ? x : x.id);
  const lines: string[] = [];
  if (c.wantError !== undefined) lines.push(`Refused, with a message containing "${c.wantError}"`);
  if (w.headline !== undefined) lines.push(`${headlineTarget(pack)?.label ?? 'Headline'}: ${valueWords(w.headline)}`);
  for (const [id, v] of Object.entries(w.decisions ?? {})) lines.push(`${targetLabel(decisions, id)}: ${valueWords(v)}`);
  for (const a of w.actions ?? []) lines.push(`Action: ${name(lists.actions, idOf(a))}${typeof a !== 'string' && a.due ? `, due ${longDate(a.due)}` : ''}`);
  if (w.actionsExact) lines.push('No other action');
  for (const id of w.noActions ?? []) lines.push(`Not: ${name(lists.actions, id)}`);
  for (const s of w.schedule ?? []) {
    const extra = typeof s === 'string' ? '' : `${s.nextDue ? `, next due ${longDate(s.nextDue)}` : ''}${s.everyMonths !== undefined ? `, every ${counted(s.everyMonths, 'month')}` : ''}${s.everyDays !== undefined ? `, every ${counted(s.everyDays, 'day')}` : ''}`;
    lines.push(`Scheduled: ${name(lists.schedule, idOf(s))}${extra}`);
  }
  for (const id of w.noSchedule ?? []) lines.push(`Not scheduled: ${name(lists.schedule, id)}`);
  for (const [id, v] of Object.entries(w.scores ?? {})) lines.push(`${targetLabel(scoreTargets(pack), id)}: ${valueWords(v)}`);
  for (const id of w.interpretations ?? []) lines.push(`Relies on: ${name(lists.interpretations, id)}`);
  if (lines.length === 0) lines.push('Nothing expected yet');
  return lines;
}

/**
 * What the engine gave for the things a case expects (the headline, the expected decisions
 * and scores), in plain words, for showing beside the expectations.
 */
export function actualSummary(pack: Pack, c: PackCase, d: Determination): string[] {
  const w = c.want ?? {};
  const decisions = decisionTargets(pack);
  const lines: string[] = [];
  if (w.headline !== undefined || !w.decisions) lines.push(`${headlineTarget(pack)?.label ?? 'Headline'}: ${valueWords(d.headline.value)}`);
  for (const id of Object.keys(w.decisions ?? {})) lines.push(`${targetLabel(decisions, id)}: ${valueWords(ownMember(d.decisions, id))}`);
  for (const id of Object.keys(w.scores ?? {})) lines.push(`${targetLabel(scoreTargets(pack), id)}: ${valueWords(d.scores[id])}`);
  return lines;
}

const JSON_STRING = /"((?:[^"\\]|\\.)*)"/g;

/** The engine's words with JSON quoting removed: `expected "Silver", got undefined` -> `expected Silver, got no value`. */
function unquote(text: string): string {
  return text.replace(JSON_STRING, (_m, s: string) => s).replace(/\bgot undefined\b/g, 'got no value').replace(/\bnull\b/g, 'no value');
}

/**
 * One failure of a case run in plain words, naming the decision, action or schedule entry
 * by its label: `decision domainRating.safeguarding: expected "Silver", got "Bronze"` ->
 * `Domain rating — Safeguarding and safety: expected Silver, got Bronze`.
 */
export function failureWords(pack: Pack, failure: string): string {
  const m = failure.match(/^(headline|decision|action|schedule|score|interpretation)(?: ([^:]+))?: (.*)$/s);
  if (!m) return datesInText(unquote(failure.charAt(0).toUpperCase() + failure.slice(1)));
  const [, kind, id = '', rest = ''] = m;
  const lists = listOptions(pack);
  const name = (options: { id: string; label: string }[]) => options.find((o) => o.id === id)?.label ?? id;
  const subject =
    kind === 'headline' ? (headlineTarget(pack)?.label ?? 'Headline')
    : kind === 'decision' ? targetLabel(decisionTargets(pack), id)
    : kind === 'action' ? `Action "${name(lists.actions)}"`
    : kind === 'schedule' ? `Schedule "${name(lists.schedule)}"`
    : kind === 'score' ? targetLabel(scoreTargets(pack), id)
    : `Interpretation "${name(lists.interpretations)}"`;
  return `${subject}: ${datesInText(unquote(rest))}`;
}
