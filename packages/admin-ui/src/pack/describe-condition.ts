import type { Condition, Expression, Pack } from '@openqaf/engine';
import { comparisonWords, expressionWords, factWords } from '@openqaf/engine/browser';
import { humanize } from './editable-fields.js';

/** The pack's declared parameters (`pack.parameters`): their labels and pack-wide values. */
export type DeclaredParameters = Pack['parameters'];

/**
 * A `{ "param": name }` in words, never by its id: its value (the domain's, from `params`, else
 * the declared pack-wide value); with no value here (a per-domain number read outside a domain)
 * its label in quotes, as the table of each domain's numbers heads it.
 * @example paramWords('silverMinFullyMet', { silverMinFullyMet: 12 }) // '12'
 */
export function paramWords(name: string, params: Record<string, unknown> = {}, declared?: DeclaredParameters): string {
  const d = declared?.[name];
  const value = params[name] ?? d?.value;
  if (value !== undefined && value !== null) return String(value);
  return d?.label ? `"${d.label}"` : "the domain's number";
}

/**
 * The pack's declared parameters as read outside any one domain (a per-domain decision's rules
 * shown once for all domains): a number some domain sets has no one value there, so it reads by
 * its label, not by the pack-wide default.
 */
export function parametersOutsideDomain(pack: Pack): DeclaredParameters {
  const perDomain = new Set((pack.framework?.domains ?? []).flatMap((d) => Object.keys(d.parameters ?? {})));
  if (!pack.parameters) return pack.parameters;
  return Object.fromEntries(Object.entries(pack.parameters).map(([name, d]) => {
    if (!perDomain.has(name)) return [name, d];
    const { value: _value, ...rest } = d;
    return [name, rest];
  }));
}

/**
 * Words for a value or expression inside a condition or a rule output; `params` are the domain's
 * parameter values and `declared` the pack's declarations, for the words of a parameter.
 */
export function describeValue(value: unknown, params: Record<string, unknown> = {}, declared?: DeclaredParameters): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.map((v) => describeValue(v, params, declared)).join(', ');
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.param === 'string') return paramWords(v.param, params, declared);
  if (typeof v.fact === 'string') return `the ${humanize(v.fact).replace(/^[A-Z](?=[a-z ])/, (c) => c.toLowerCase())}`;
  return expressionWords(value as Expression, (e) => describeValue(e, params, declared)) ?? JSON.stringify(value);
}

/**
 * A condition in plain words, using the pack's own `label`s where the author gave them.
 * `params` are the domain's parameters, so `{ "param": "silverMinFullyMet" }` shows its number;
 * `declared` (the pack's `parameters`) gives a pack-wide value, or the label where no number applies.
 */
export function describeCondition(condition: Condition, params: Record<string, unknown> = {}, declared?: DeclaredParameters): string {
  if (condition.label) return condition.label;
  if ('all' in condition) return condition.all.length === 0 ? 'always' : condition.all.map((c) => describeCondition(c, params, declared)).join(' and ');
  if ('any' in condition) return `(${condition.any.map((c) => describeCondition(c, params, declared)).join(' or ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not, params, declared)})`;
  const subject = factWords(condition.fact, condition.params ?? {}, { value: (v) => describeValue(v, params, declared), name: humanize }) ?? humanize(condition.fact);
  return `${subject} ${comparisonWords(condition.operator, condition.value, describeValue(condition.value, params, declared))}`;
}
