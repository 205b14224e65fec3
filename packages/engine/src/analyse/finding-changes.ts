import type { Pack } from '../types.js';
import type { AnalysisFinding, AnalysisReport } from './analyse.js';
import type { OutcomeFinding } from './outcomes.js';

/** A finding the draft introduces or changes against the published version, in the council's words. */
export interface FindingChange {
  /** Stable across versions: decision instance, kind, rule(s) and interpretation. */
  key: string;
  change: 'introduced' | 'changed';
  kind: AnalysisFinding['kind'] | OutcomeFinding['kind'];
  /** The decision's title (and domain), as the pack names it; "Actions" or "Schedule" for an outcome's finding. */
  decision: string;
  /** Where in the draft pack: the rule or table row (masked, unreachable), else the decision, or the (first) action or schedule entry concerned. */
  pointer: string;
  /** One sentence: "Overall band: the rule "Gold" can never fire: a rule above it always decides first". */
  words: string;
  /** The input groups concerned, in the council's words ("4 Silver + 1 Inadequate"). */
  examples: string[];
}

/** A finding's key, the same in any version of the pack for the same decision, kind and rule. */
export function findingKey(f: AnalysisFinding): string {
  return [f.decision, f.kind, f.rule ?? '', f.interpretation ?? ''].join('|');
}

/** An outcome finding's key: which outcome(s) and kind, the same in any version. */
export function outcomeFindingKey(f: OutcomeFinding): string {
  return [`outcome:${f.of}:${f.outcome}`, f.kind].join('|');
}

const fingerprint = (f: AnalysisFinding | OutcomeFinding): string => JSON.stringify([f.count, f.more, f.examples.map((e) => [e.inputs, e.count])]);

/**
 * The findings of `draft` that `published` did not have (by `findingKey`), or had with other
 * inputs: what a publisher must acknowledge. Findings unchanged since the published version are
 * left out. Rules are named by their titles (or the value they give), never by their ids; so are
 * actions and schedule entries. An outcome that always fires is a note, never listed here.
 * @example
 * findingChanges(analyse(publishedCompiled), analyse(draftCompiled), draftPack)
 * // [{ change: 'introduced', words: 'Overall band: the rule "Gold" can never fire: …', … }]
 */
export function findingChanges(published: AnalysisReport | undefined, draft: AnalysisReport, pack: Pack): FindingChange[] {
  const before = new Map([
    ...(published?.decisions ?? []).flatMap((d) => d.findings).map((f) => [findingKey(f), fingerprint(f)] as const),
    // A report made before outcomes were analysed has none: its draft's outcome findings are all new.
    ...(published?.outcomes?.findings ?? []).map((f) => [outcomeFindingKey(f), fingerprint(f)] as const),
  ]);
  const labels = new Map(draft.decisions.map((d) => [d.decision, d.label]));
  const decisions = draft.decisions.flatMap((d) => d.findings).flatMap((f): FindingChange[] => {
    const key = findingKey(f);
    const was = before.get(key);
    if (was === fingerprint(f)) return [];
    const decision = labels.get(f.decision) ?? f.decision;
    return [{ key, change: was === undefined ? 'introduced' : 'changed', kind: f.kind, decision, pointer: f.pointer ?? `/decisions/${escape(f.decision.split('.')[0]!)}`, words: `${decision}: ${sentence(f, pack)}`, examples: f.examples.map((e) => e.inputs) }];
  });
  const outcomes = (draft.outcomes?.findings ?? []).filter((f) => !f.note).flatMap((f): FindingChange[] => {
    const key = outcomeFindingKey(f);
    const was = before.get(key);
    if (was === fingerprint(f)) return [];
    const decision = f.of === 'action' ? 'Actions' : 'Schedule';
    const list = f.of === 'action' ? 'actions' : 'schedule';
    const at = (pack.outcomes[list] ?? []).findIndex((o) => o.id === f.outcome.split(' + ')[0]);
    return [{ key, change: was === undefined ? 'introduced' : 'changed', kind: f.kind, decision, pointer: `/outcomes/${list}${at < 0 ? '' : `/${at}`}`, words: `${decision}: ${outcomeSentence(f, pack)}`, examples: f.examples.map((e) => e.inputs) }];
  });
  return [...decisions, ...outcomes];
}

/** A JSON pointer segment (RFC 6901). */
const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** An action or schedule entry by its label. */
function outcomeWords(pack: Pack, of: OutcomeFinding['of'], id: string): string {
  const found = of === 'action' ? pack.outcomes.actions?.find((a) => a.id === id) : pack.outcomes.schedule?.find((s) => s.id === id);
  return `"${found?.label ?? id}"`;
}

function outcomeSentence(f: OutcomeFinding, pack: Pack): string {
  const [a, b] = f.outcome.split(' + ').map((id) => outcomeWords(pack, f.of, id));
  const what = f.of === 'action' ? 'the action' : 'the schedule entry';
  const inputs = f.varies ? ` ${f.varies}` : f.examples.length ? ` for ${f.examples.map((e) => e.inputs).join('; ')}${f.more ? ` and ${f.more} more` : ''}` : '';
  switch (f.kind) {
    case 'never-fires': return `${what} ${a} can never fire: no inputs meet its condition`;
    case 'conflicting-schedule': return `the schedule entries ${a} and ${b} both schedule "${pack.outcomes.schedule?.find((s) => s.id === f.outcome.split(' + ')[0])?.activity ?? ''}" at once${inputs}`;
    default: return f.message;
  }
}

/** A rule, or a row of the decision's table, by its title or the value it gives ("the row "5 Gold (75-100)""); its id only when the pack gives nothing else. */
function ruleWords(pack: Pack, decision: string, id: string): string {
  const d = pack.decisions?.[decision.split('.')[0]!];
  const rule = d?.rules?.find((r) => r.id === id);
  const row = rule ? undefined : d?.table?.rows.find((r) => r.id === id);
  const found = rule ?? row;
  const noun = row ? 'the row' : 'the rule';
  if (found?.label) return `${noun} "${found.label}"`;
  if (found && (typeof found.output === 'string' || typeof found.output === 'number')) return `${noun} giving ${String(found.output)}`;
  return `${noun} "${id}"`;
}

/** What masks a finding's rule, by the places `maskedBy` points at: "a rule above it always decides first", "the rows above it always decide first". */
function maskedByWords(maskedBy: readonly string[] | undefined): string {
  const kinds = new Set((maskedBy ?? []).map((p) => (/\/table\/rows\/\d+$/.test(p) ? 'row' : 'rule')));
  const noun = kinds.size === 1 ? [...kinds][0]! : 'rule';
  if ((maskedBy?.length ?? 0) > 1) return `the ${kinds.size === 1 ? `${noun}s` : 'rules and rows'} above it always decide first`;
  return `a ${noun} above it always decides first`;
}

function sentence(f: AnalysisFinding, pack: Pack): string {
  const rules = (f.rule ?? '').split(' + ').filter(Boolean).map((id) => ruleWords(pack, f.decision, id));
  const interpretation = f.interpretation ? pack.interpretations?.[f.interpretation]?.title ?? f.interpretation : undefined;
  const inputs = f.examples.length ? ` for ${f.examples.map((e) => e.inputs).join('; ')}${f.more ? ` and ${f.more} more` : ''}` : '';
  switch (f.kind) {
    case 'gap': return rules.length ? `${rules[0]} applies but gives no value on the decision's scale${inputs}` : `no rule covers these inputs${inputs}`;
    case 'fallback-only': return `only the fallback decides${interpretation ? `, under the interpretation "${interpretation}"` : ''}${inputs}`;
    case 'interpretation-only': return `only ${rules[0] ?? 'a rule'} decides, under the interpretation "${interpretation ?? ''}"${inputs}`;
    case 'overlap': return `${rules.join(' and ')} all apply where only one may${inputs}`;
    case 'masked': return `${rules[0] ?? 'a rule'} can never fire: ${maskedByWords(f.maskedBy)}`;
    case 'unreachable': return `${rules[0] ?? 'a rule'} can never fire`;
    default: return f.message;
  }
}
