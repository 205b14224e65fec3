import type { Pack } from '../types.js';
import type { AnalysisFinding, AnalysisReport } from './analyse.js';

/** A finding the draft introduces or changes against the published version, in the council's words. */
export interface FindingChange {
  /** Stable across versions: decision instance, kind, rule(s) and interpretation. */
  key: string;
  change: 'introduced' | 'changed';
  kind: AnalysisFinding['kind'];
  /** The decision's title (and domain), as the pack names it. */
  decision: string;
  /** One sentence: "Overall band: the rule "Gold" can never fire: a rule above it always decides first". */
  words: string;
  /** The input groups concerned, in the council's words ("4 Silver + 1 Inadequate"). */
  examples: string[];
}

/** A finding's key, the same in any version of the pack for the same decision, kind and rule. */
export function findingKey(f: AnalysisFinding): string {
  return [f.decision, f.kind, f.rule ?? '', f.interpretation ?? ''].join('|');
}

const fingerprint = (f: AnalysisFinding): string => JSON.stringify([f.count, f.more, f.examples.map((e) => [e.inputs, e.count])]);

/**
 * The findings of `draft` that `published` did not have (by `findingKey`), or had with other
 * inputs: what a publisher must acknowledge. Findings unchanged since the published version are
 * left out. Rules are named by their titles (or the value they give), never by their ids.
 * @example
 * findingChanges(analyse(publishedCompiled), analyse(draftCompiled), draftPack)
 * // [{ change: 'introduced', words: 'Overall band: the rule "Gold" can never fire: …', … }]
 */
export function findingChanges(published: AnalysisReport | undefined, draft: AnalysisReport, pack: Pack): FindingChange[] {
  const before = new Map((published?.decisions ?? []).flatMap((d) => d.findings).map((f) => [findingKey(f), fingerprint(f)]));
  const labels = new Map(draft.decisions.map((d) => [d.decision, d.label]));
  return draft.decisions.flatMap((d) => d.findings).flatMap((f): FindingChange[] => {
    const key = findingKey(f);
    const was = before.get(key);
    if (was === fingerprint(f)) return [];
    const decision = labels.get(f.decision) ?? f.decision;
    return [{ key, change: was === undefined ? 'introduced' : 'changed', kind: f.kind, decision, words: `${decision}: ${sentence(f, pack)}`, examples: f.examples.map((e) => e.inputs) }];
  });
}

/** A rule by its title, or the value it gives; its id only when the pack gives nothing else. */
function ruleWords(pack: Pack, decision: string, id: string): string {
  const rule = pack.decisions?.[decision.split('.')[0]!]?.rules?.find((r) => r.id === id);
  if (rule?.label) return `"${rule.label}"`;
  if (rule && (typeof rule.output === 'string' || typeof rule.output === 'number')) return `giving ${String(rule.output)}`;
  return `"${id}"`;
}

function sentence(f: AnalysisFinding, pack: Pack): string {
  const rules = (f.rule ?? '').split(' + ').filter(Boolean).map((id) => `the rule ${ruleWords(pack, f.decision, id)}`);
  const interpretation = f.interpretation ? pack.interpretations?.[f.interpretation]?.title ?? f.interpretation : undefined;
  const inputs = f.examples.length ? ` for ${f.examples.map((e) => e.inputs).join('; ')}${f.more ? ` and ${f.more} more` : ''}` : '';
  switch (f.kind) {
    case 'gap': return rules.length ? `${rules[0]} applies but gives no value on the decision's scale${inputs}` : `no rule covers these inputs${inputs}`;
    case 'fallback-only': return `only the fallback decides${interpretation ? `, under the interpretation "${interpretation}"` : ''}${inputs}`;
    case 'interpretation-only': return `only ${rules[0] ?? 'a rule'} decides, under the interpretation "${interpretation ?? ''}"${inputs}`;
    case 'overlap': return `${rules.join(' and ')} all apply where only one may${inputs}`;
    case 'masked': return `${rules[0] ?? 'a rule'} can never fire: a rule above it always decides first`;
    case 'unreachable': return `${rules[0] ?? 'a rule'} can never fire`;
    default: return f.message;
  }
}
