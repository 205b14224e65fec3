import type { Condition, Expression } from '@openqaf/engine';
import { humanize } from './editable-fields.js';

const OPERATORS: Record<string, string> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is more than',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'includes',
  doesNotContain: 'does not include',
  atLeast: 'is at least',
  atMost: 'is at most',
  above: 'is above',
  below: 'is below',
  before: 'is before',
  after: 'is after',
  onOrBefore: 'is on or before',
  onOrAfter: 'is on or after',
};

/** Words for a value or expression inside a condition or a rule output. */
export function describeValue(value: unknown, params: Record<string, unknown> = {}): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.map((v) => describeValue(v, params)).join(', ');
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.param === 'string') return params[v.param] !== undefined ? `${String(params[v.param])} (${v.param})` : v.param;
  if (typeof v.fact === 'string') return `the ${humanize(v.fact).replace(/^[A-Z](?=[a-z ])/, (c) => c.toLowerCase())}`;
  if (typeof v.map === 'string') return `${describeValue(v.of as Expression, params)} mapped by ${v.map}`;
  if (Array.isArray(v.mostRecent)) {
    return `the most recent of ${(v.mostRecent as { label?: string; value: unknown }[]).map((e) => e.label ?? describeValue(e.value, params)).join(', ')}`;
  }
  for (const k of ['max', 'min', 'sum', 'latestDate']) {
    if (Array.isArray(v[k])) return `${k === 'latestDate' ? 'the latest of' : `the ${k} of`} ${describeValue(v[k], params)}`;
  }
  return JSON.stringify(value);
}

function describeCount(params: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  if (params.flag) parts.push(String(params.flag));
  parts.push('criteria');
  if (params.domain && params.domain !== '$domain') parts.push(`in ${String(params.domain)}`);
  for (const k of ['is', 'atLeast', 'atMost', 'above', 'below']) {
    if (params[k] !== undefined) parts.push(`judged ${k === 'is' ? '' : `${humanize(k).toLowerCase()} `}${describeValue(params[k])}`);
  }
  return `the number of ${parts.join(' ')}`;
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
  const subject =
    condition.fact === 'criteriaCount'
      ? describeCount(condition.params)
      : condition.fact === 'domainCount'
        ? `the number of domains whose ${humanize(String(condition.params?.decision ?? 'band')).toLowerCase()} ${describeValue(condition.params?.is ?? condition.params?.atLeast ?? condition.params?.atMost)}`
        : humanize(condition.fact);
  if (condition.operator === 'present') return `${subject} ${condition.value === false ? 'is not recorded' : 'is recorded'}`;
  return `${subject} ${OPERATORS[condition.operator] ?? condition.operator} ${describeValue(condition.value, params)}`;
}
