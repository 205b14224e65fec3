import { FACT_BY_NAME, OPERATOR_BY_NAME, expressionOf } from './registry.js';
import type { Pack } from '../types.js';
import type { FactWordsHelpers } from './fact.js';
import type { Expression } from './expression-type.js';
import type { ValueWords } from './parameters/parameter-words.js';
import { ownMember } from '../compile/own-member.js';

/** Plugin operators' declared words by name (`extensions.operatorDeclarations`: the pack's or the plugin's). */
export type DeclaredOperatorWords = Readonly<Record<string, { readonly words: string }>> | ReadonlyMap<string, { readonly words: string }>;

function declaredWords(operator: string, declared: DeclaredOperatorWords | undefined): string | undefined {
  if (!declared) return undefined;
  if (declared instanceof Map) return (declared as ReadonlyMap<string, { words: string }>).get(operator)?.words;
  return Object.hasOwn(declared, operator) ? (declared as Readonly<Record<string, { words: string }>>)[operator]!.words : undefined;
}

/**
 * The words between a fact and its value for an operator ("is at least"); a plugin's operator
 * reads as its declared words, else as its name.
 * @example operatorWords('greaterThanInclusive') // 'is at least'
 * @example operatorWords('withinDaysOf', { withinDaysOf: { words: 'is within a week of' } }) // 'is within a week of'
 */
export function operatorWords(operator: string, declared?: DeclaredOperatorWords): string {
  return OPERATOR_BY_NAME.get(operator)?.words ?? declaredWords(operator, declared) ?? operator;
}

/**
 * The words before a count of criteria for an operator ("at least"), or undefined when a count
 * compared by it does not read as a count.
 * @example operatorCountWords('lessThan') // 'fewer than'
 */
export function operatorCountWords(operator: string): string | undefined {
  return OPERATOR_BY_NAME.get(operator)?.countWords;
}

/**
 * An interval in words, its unit singular for one and plural for more ("every month", "every 3
 * months", "every day", "every 14 days"); a number in words (a parameter's) as given.
 * @example everyWords(1, 'month') // 'every month'
 * @example everyWords(3, 'month') // 'every 3 months'
 */
export function everyWords(n: number | string, unit: 'day' | 'month' | 'year'): string {
  return n === 1 || n === '1' ? `every ${unit}` : `every ${n} ${unit}s`;
}

/**
 * What a count counts, for how many: "criteria" and "domains" read as one "criterion", one
 * "domain" when the number is 1 (given as a number or as its words).
 * @example countedWords('criteria judged Not met', 1) // 'criterion judged Not met'
 * @example countedWords('domains whose band is Gold', '2') // 'domains whose band is Gold'
 */
export function countedWords(what: string, n: unknown): string {
  return n === 1 || n === '1' ? what.replace(/\bcriteria\b/, 'criterion').replace(/\bdomains\b/, 'domain') : what;
}

/**
 * A comparison in words after its subject, for an editor: the operator's words and the value's
 * (already in words), or for `present` just "is recorded" / "is not recorded"; a plugin's operator
 * by its declared words (`declared`: the pack's `extensions.operatorDeclarations`).
 * @example comparisonWords('present', false, 'false') // 'is not recorded'
 * @example comparisonWords('in', ['a', 'b'], 'a, b') // 'is one of a, b'
 */
export function comparisonWords(operator: string, value: unknown, valueWords: string, declared?: DeclaredOperatorWords): string {
  const def = OPERATOR_BY_NAME.get(operator);
  if (def?.valueless) return value === false && def.wordsWhenFalse ? def.wordsWhenFalse : def.words;
  return `${operatorWords(operator, declared)} ${valueWords}`;
}

/**
 * An expression form in plain words, given words for what it holds; undefined for a literal, a
 * `fact` or a `param` (whose words depend on the pack: the caller words those).
 * @example expressionWords({ addDays: 10, to: { fact: 'visitDate' } }, words) // '10 days after the visit date'
 */
export function expressionWords(e: Expression, w: (e: Expression) => string): string | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  return expressionOf(e)?.words?.(e as Record<string, unknown>, w);
}

/**
 * A built-in fact's reference in words for an editor (without the pack's index), or undefined
 * for a fact without words of its own (an input, a decision: the caller names those).
 * @example factWords('criteriaCount', { flag: 'mandatory', is: 'Not met' }, helpers) // 'the number of mandatory criteria judged Not met'
 */
export function factWords(fact: string, params: Record<string, unknown>, w: FactWordsHelpers): string | undefined {
  return FACT_BY_NAME.get(fact)?.words?.(params, w);
}

/**
 * A leaf condition in words for an editor or a diff, its value already in words: a count of
 * criteria or domains by the operator's count words ("at least 12 criteria judged Fully met"),
 * anything else as its fact's words (or `subject`, for an input or a decision) and the comparison.
 * A number each domain sets, read outside any one domain, names each domain's value after it
 * ("at least the domain's number of criteria judged Fully met (Involvement and information 9, …)").
 * @example leafConditionWords({ fact: 'criteriaCount', params: { is: 'Not met' }, operator: 'equal', value: 0 }, { text: '0' }, helpers) // 'no criteria judged Not met'
 */
export function leafConditionWords(
  leaf: { fact?: string; expression?: unknown; params?: Record<string, unknown>; operator: string; value: unknown },
  value: ValueWords,
  w: FactWordsHelpers & { subject: (fact: string) => string },
  declared?: DeclaredOperatorWords,
): string {
  const byDomain = value.byDomain ? ` (${value.byDomain})` : '';
  // An expression compared (issue 10) reads as its form's words over its facts' words: "Weighted score minus Penalty points is less than 50".
  if (leaf.fact === undefined) return `${leftExpressionWords(leaf.expression as Expression, w)} ${comparisonWords(leaf.operator, leaf.value, value.text, declared)}${byDomain}`;
  const fw = factWords(leaf.fact, leaf.params ?? {}, w);
  const countWords = operatorCountWords(leaf.operator);
  if (fw?.startsWith('the number of ') && countWords) {
    // One counts one criterion, one domain; none reads as "no".
    const what = countedWords(fw.slice('the number of '.length), value.text);
    if (value.text === '0' && leaf.operator === 'equal') return `no ${what}`;
    // A number in words ("the domain's number") counts "of" what it counts; a figure does not.
    return `${countWords} ${value.text} ${value.text.startsWith('the ') ? 'of ' : ''}${what}${byDomain}`;
  }
  return `${fw ?? w.subject(leaf.fact)} ${comparisonWords(leaf.operator, leaf.value, value.text, declared)}${byDomain}`;
}

/**
 * The words of an expression a condition compares: a fact by its words (a built-in's, else
 * `subject`), a form by the registry's words, anything else as a value.
 * @example leftExpressionWords({ subtract: [{ fact: 'weightedScore' }, { fact: 'penaltyPoints' }] }, helpers) // 'Weighted score minus Penalty points'
 */
export function leftExpressionWords(e: Expression, w: FactWordsHelpers & { subject: (fact: string) => string }): string {
  const words = (x: Expression): string => {
    if (x && typeof x === 'object' && !Array.isArray(x) && typeof (x as { fact?: unknown }).fact === 'string') {
      const f = x as { fact: string; params?: Record<string, unknown> };
      return factWords(f.fact, f.params ?? {}, w) ?? w.subject(f.fact);
    }
    return expressionWords(x, words) ?? w.value(x);
  };
  return words(e);
}

/** The outcome groups of an explanation, as headings. */
const OUTCOME_HEADINGS: Readonly<Record<string, string>> = { actions: 'Actions', schedule: 'Schedule', warnings: 'Warnings' };

/** Where the words of a decision instance come from: a decision's label and a domain's title, by id (undefined where there are none). */
export interface InstanceWordsSource {
  decision(id: string): string | undefined;
  domain(id: string): string | undefined;
}

/**
 * A decision instance as a heading in words: the decision's label, and for one domain's instance
 * (`domainRating.safe`) the domain's title after it; the explanation's outcome groups (`actions`,
 * `schedule`, `warnings`) by their names. An id the pack does not have reads as itself.
 * @example decisionInstanceWords(pack, 'domainRating.safe') // 'Domain rating: Safe'
 * @example decisionInstanceWords(pack, 'overallRating') // 'Overall quality rating'
 */
export function decisionInstanceWords(pack: Pick<Pack, 'decisions' | 'framework'>, instance: string): string {
  return decisionInstanceWordsBy(instance, {
    decision: (id) => ownMember(pack.decisions, id)?.label,
    domain: (id) => pack.framework?.domains.find((d) => d.id === id)?.title,
  });
}

/**
 * {@link decisionInstanceWords} from the words alone (`words`), for a reader that holds a pack's
 * labels and titles rather than the pack (the server's work queue reads only those): the same words.
 * @example decisionInstanceWordsBy('domainRating.safe', { decision: () => 'Domain rating', domain: () => 'Safe' }) // 'Domain rating: Safe'
 */
export function decisionInstanceWordsBy(instance: string, words: InstanceWordsSource): string {
  const whole = words.decision(instance);
  if (whole !== undefined) return whole;
  const outcome = ownMember(OUTCOME_HEADINGS, instance);
  if (outcome) return outcome;
  const dot = instance.indexOf('.');
  const decision = dot > 0 ? words.decision(instance.slice(0, dot)) : undefined;
  if (decision === undefined) return instance;
  const domainId = instance.slice(dot + 1);
  return `${decision}: ${words.domain(domainId) ?? domainId}`;
}
