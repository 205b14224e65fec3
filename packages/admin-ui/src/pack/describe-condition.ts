import type { Condition, Expression, Pack } from '@openqaf/engine';
import { expressionWords, leafConditionWords, parameterWords, valueWordsText, type ValueWords, ownMember } from '@openqaf/engine/browser';
import { humanize } from './humanize.js';

/**
 * The pack's declared parameters (`pack.parameters`): their labels and pack-wide values; or the
 * whole pack ({@link PackWords}), so facts read by their titles and, outside any one domain, a
 * number the domains set reads as each domain's.
 */
export type DeclaredParameters = Pack['parameters'] | PackWords;

/** The parts of a pack a condition's words read: parameters, domains, input titles, decision labels. */
export type WordedPack = Pick<Pack, 'parameters' | 'framework' | 'inputs' | 'decisions'>;

/**
 * A pack as its conditions' words read it: inputs by their titles, decisions by their labels;
 * `outsideDomain` for a per-domain decision's rules shown once for all domains, where a number
 * the domains set reads as "the domain's number" with each domain's value.
 */
export class PackWords {
  constructor(readonly pack: WordedPack, readonly outsideDomain = false) {}

  /** A domain by the framework's title ("Safeguarding and safety"), else its id. */
  domainTitle(id: string): string {
    return this.pack.framework?.domains.find((d) => d.id === id)?.title ?? id;
  }

  /** A flag by the framework's label ("Mandatory"), else its id. */
  flagLabel(id: string): string {
    return ownMember(this.pack.framework?.flags, id)?.label ?? id;
  }

  /** A fact by the pack's words: an input's title, a decision's label (and a domain's title), else its name in words. */
  factName(fact: string): string {
    const [head = fact, domain] = fact.split('.');
    const decision = ownMember(this.pack.decisions, head);
    if (decision) {
      const title = domain ? this.domainTitle(domain) : undefined;
      return `${decision.label}${title ? ` (${title})` : ''}`;
    }
    const title = ownMember(this.pack.inputs?.properties as Record<string, { title?: unknown }> | undefined, fact)?.title;
    return typeof title === 'string' && title ? title : humanize(fact);
  }
}

/**
 * A `{ "param": name }` in words, never by its id or label: its value (the domain's, from
 * `params`, else the declared pack-wide value); read outside a domain, a number the domains set
 * as "the domain's number" with each domain's value.
 * @example paramWords('silverMinFullyMet', { silverMinFullyMet: 12 }) // { text: '12' }
 */
export function paramWords(name: string, params: Record<string, unknown> = {}, declared?: DeclaredParameters): ValueWords {
  const domainValue = ownMember(params, name);
  if (domainValue !== undefined && domainValue !== null) return { text: String(domainValue) };
  if (declared instanceof PackWords && declared.outsideDomain) return parameterWords(declared.pack, name);
  const value = ownMember(declared instanceof PackWords ? declared.pack.parameters : declared, name)?.value;
  return { text: value !== undefined ? String(value) : 'the declared number' };
}

/** The pack read outside any one domain (see {@link PackWords}). */
export function parametersOutsideDomain(pack: WordedPack): DeclaredParameters {
  return new PackWords(pack, true);
}

/** A fact's name in words: by the pack's titles and labels when `declared` is the pack, else from its name. */
const factName = (fact: string, declared?: DeclaredParameters): string => (declared instanceof PackWords ? declared.factName(fact) : humanize(fact));

/**
 * Words for a value or expression inside a condition or a rule output; `params` are the domain's
 * parameter values and `declared` the pack's declarations, for the words of a parameter.
 */
export function describeValue(value: unknown, params: Record<string, unknown> = {}, declared?: DeclaredParameters): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.map((v) => describeValue(v, params, declared)).join(', ');
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.param === 'string') return valueWordsText(paramWords(v.param, params, declared));
  if (typeof v.fact === 'string') return `the ${factName(v.fact, declared).replace(/^[A-Z](?=[a-z ])/, (c) => c.toLowerCase())}`;
  return expressionWords(value as Expression, (e) => describeValue(e, params, declared)) ?? JSON.stringify(value);
}

/**
 * A condition in plain words, using the pack's own `label`s where the author gave them; a count
 * as the engine words it ("at least 12 criteria judged Fully met"). `params` are the domain's
 * parameters, so `{ "param": "silverMinFullyMet" }` shows its number; `declared` (the pack's
 * `parameters`) gives a pack-wide value, or outside a domain each domain's. A leaf comparing an
 * `expression` rather than a fact reads as the engine words it, its facts by the pack's titles
 * ("Weighted score minus Penalty points is less than 50").
 */
export function describeCondition(condition: Condition, params: Record<string, unknown> = {}, declared?: DeclaredParameters): string {
  if (condition.label) return condition.label;
  if ('all' in condition) return condition.all.length === 0 ? 'always' : condition.all.map((c) => describeCondition(c, params, declared)).join(' and ');
  if ('any' in condition) return `(${condition.any.map((c) => describeCondition(c, params, declared)).join(' or ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not, params, declared)})`;
  const value = typeof (condition.value as { param?: unknown } | null)?.param === 'string'
    ? paramWords((condition.value as { param: string }).param, params, declared)
    : { text: describeValue(condition.value, params, declared) };
  const name = (fact: string): string => factName(fact, declared);
  const pack = declared instanceof PackWords ? { domain: (id: string): string => declared.domainTitle(id), flag: (id: string): string => declared.flagLabel(id) } : {};
  return leafConditionWords(condition, value, { value: (v) => describeValue(v, params, declared), name, subject: name, ...pack });
}
