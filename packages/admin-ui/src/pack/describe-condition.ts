import type { Condition, Expression } from '@openqaf/engine';
import { comparisonWords, expressionWords, factWords } from '@openqaf/engine/browser';
import { humanize } from './editable-fields.js';

/** Words for a value or expression inside a condition or a rule output. */
export function describeValue(value: unknown, params: Record<string, unknown> = {}): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.map((v) => describeValue(v, params)).join(', ');
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.param === 'string') return params[v.param] !== undefined ? `${String(params[v.param])} (${v.param})` : v.param;
  if (typeof v.fact === 'string') return `the ${humanize(v.fact).replace(/^[A-Z](?=[a-z ])/, (c) => c.toLowerCase())}`;
  return expressionWords(value as Expression, (e) => describeValue(e, params)) ?? JSON.stringify(value);
}

/**
 * A condition in plain words, using the pack's own `label`s where the author gave them.
 * `params` are the domain's parameters, so `{ "param": "silverMinFullyMet" }` shows its number.
 */
export function describeCondition(condition: Condition, params: Record<string, unknown> = {}): string {
  if (condition.label) return condition.label;
  if ('all' in condition) return condition.all.length === 0 ? 'always' : condition.all.map((c) => describeCondition(c, params)).join(' and ');
  if ('any' in condition) return `(${condition.any.map((c) => describeCondition(c, params)).join(' or ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not, params)})`;
  const subject = factWords(condition.fact, condition.params ?? {}, { value: (v) => describeValue(v), name: humanize }) ?? humanize(condition.fact);
  return `${subject} ${comparisonWords(condition.operator, condition.value, describeValue(condition.value, params))}`;
}
