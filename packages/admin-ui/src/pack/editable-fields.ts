import { FACTS, countParameterBounds, parameterValueProblem, ownMember } from '@openqaf/engine/browser';
import type { ParameterType } from '@openqaf/engine/browser';
import type { Citation, Condition, Decision, LeafCondition, Pack, Rule, Scale } from '@openqaf/engine';
import { pointerToken } from './json-pointer.js';
import { declaresParameters, parameterFields } from './parameter-fields.js';
import { PackWords, describeCondition, describeValue } from './describe-condition.js';
import { humanize } from './humanize.js';

/** Which common change a field belongs to. */
export type FieldGroup = 'parameters' | 'thresholds' | 'mappings' | 'visits' | 'actions' | 'criteria';

/** One value of a pack a quality lead may change without touching JSON. */
export interface EditableField {
  /** JSON pointer of the value in the pack. */
  pointer: string;
  group: FieldGroup;
  /** The heading the field sits under, in the council's words (a domain, a decision, an action). */
  section: string;
  label: string;
  /** The wording the value comes from, when there is one (a rule's label). */
  context?: string;
  kind: 'number' | 'text' | 'choice';
  value: number | string;
  choices?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** Why the bounds are what they are, in plain words. */
  limitNote?: string;
  source?: Citation;
  interpretation?: string;
  /**
   * Set for a counting parameter's value (declared with `counts`): why it is not edited here, in
   * words ("Counted from the criteria list (criteria)."). The field is shown read-only.
   */
  countedFrom?: string;
  /** Set for a declared parameter's value (`parameters`): its type, unit and bounds come from the declaration. */
  parameter?: { name: string; type: ParameterType; unit?: string; min?: number | string; max?: number | string };
}

export { humanize } from './humanize.js';

function leaves(condition: Condition, path: string, out: { leaf: LeafCondition; pointer: string }[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => leaves(c, `${path}/all/${i}`, out));
  else if ('any' in condition) condition.any.forEach((c, i) => leaves(c, `${path}/any/${i}`, out));
  else if ('not' in condition) leaves(condition.not, `${path}/not`, out);
  else out.push({ leaf: condition, pointer: path });
}

/** The built-in facts that count (criteria, domains), from the engine's language registry. */
const COUNT_FACTS = new Set(FACTS.filter((f) => f.count).map((f) => f.name));

/** Parameter names compared with a count of criteria somewhere in the pack's per-domain rules. */
function countParameters(pack: Pack): Set<string> {
  const names = new Set<string>();
  for (const decision of Object.values(pack.decisions)) {
    for (const rule of decision.rules ?? []) {
      const found: { leaf: LeafCondition; pointer: string }[] = [];
      leaves(rule.when, '', found);
      for (const { leaf } of found) {
        const v = leaf.value as { param?: unknown } | null;
        if (leaf.fact !== undefined && COUNT_FACTS.has(leaf.fact) && v && typeof v === 'object' && typeof v.param === 'string') names.add(v.param);
      }
    }
  }
  return names;
}

function criteriaIn(domain: NonNullable<Pack['framework']>['domains'][number]): number {
  return domain.standards.reduce((n, s) => n + s.criteria.length, 0);
}

function scaleValues(scale: Scale | undefined): string[] | undefined {
  return scale && 'values' in scale ? scale.values : undefined;
}

/**
 * The bounds of a number compared with a count: the criteria the engine counts for it (as the
 * validator enforces), or for a count of domains, the domain's criteria.
 */
function countLimit(counted: number | undefined, inDomain: number): Pick<EditableField, 'integer' | 'min' | 'max' | 'limitNote'> {
  return counted !== undefined && counted < inDomain
    ? { integer: true, min: 0, max: counted, limitNote: `it counts ${counted} of the ${inDomain} criteria in this domain` }
    : { integer: true, min: 0, max: inDomain, limitNote: `there are ${inDomain} criteria in this domain` };
}

/** The first per-domain rule condition compared with the parameter `name` (`{ "param": name }`), and its rule. */
function readerOf(decisions: Decision[], name: string): { rule: Rule; leaf: LeafCondition } | undefined {
  for (const d of decisions) {
    for (const rule of d.rules ?? []) {
      const found: { leaf: LeafCondition; pointer: string }[] = [];
      leaves(rule.when, '', found);
      const hit = found.find(({ leaf }) => (leaf.value as { param?: unknown } | null)?.param === name);
      if (hit) return { rule, leaf: hit.leaf };
    }
  }
  return undefined;
}

/**
 * A domain's number, in a pack that does not declare it, in the pack's words rather than from its
 * name: the condition it is compared in ("At least … criteria judged at least Fully met", or the condition's
 * own label); from its name only when no rule compares with it. (A declared one has its label.)
 */
function thresholdLabel(pack: Pack, name: string, leaf: LeafCondition | undefined): string {
  if (!leaf) return humanize(name);
  const words = describeCondition(leaf, { [name]: '…' }, new PackWords(pack));
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function thresholdFields(pack: Pack): EditableField[] {
  const fields: EditableField[] = [];
  const counted = countParameters(pack);
  const bounds = countParameterBounds(pack);
  const perDomain = Object.values(pack.decisions).filter((d) => d.forEach === 'domain');
  pack.framework?.domains.forEach((domain, di) => {
    for (const [name, value] of Object.entries(domain.parameters ?? {})) {
      if (typeof value !== 'number') continue;
      const reader = readerOf(perDomain, name);
      const rule = reader?.rule ?? perDomain.flatMap((d) => d.rules ?? []).find((r) => r.label?.includes(name));
      fields.push({
        pointer: `/framework/domains/${di}/parameters/${pointerToken(name)}`,
        group: 'thresholds',
        section: domain.title,
        label: thresholdLabel(pack, name, reader?.leaf),
        ...(rule?.label ? { context: rule.label.replaceAll(name, '[this number]') } : {}),
        kind: 'number',
        value,
        ...(counted.has(name) ? countLimit(bounds[name]?.[domain.id], criteriaIn(domain)) : {}),
        ...(rule?.source ? { source: rule.source } : domain.source ? { source: domain.source } : {}),
      });
    }
  });
  for (const [id, decision] of Object.entries(pack.decisions)) fields.push(...decisionNumbers(pack, id, decision));
  return fields;
}

function decisionNumbers(pack: Pack, id: string, decision: Decision): EditableField[] {
  const fields: EditableField[] = [];
  const numericScale = ownMember(pack.scales, decision.scale);
  (decision.rules ?? []).forEach((rule, ri) => {
    const base = `/decisions/${pointerToken(id)}/rules/${ri}`;
    const found: { leaf: LeafCondition; pointer: string }[] = [];
    leaves(rule.when, `${base}/when`, found);
    for (const { leaf, pointer } of found) {
      if (typeof leaf.value !== 'number') continue;
      const counting = leaf.fact !== undefined && COUNT_FACTS.has(leaf.fact);
      fields.push({
        pointer: `${pointer}/value`,
        group: 'thresholds',
        section: decision.label,
        // A leaf comparing an expression (issue 10) is named by the expression's words.
        label: leaf.label ?? `${leaf.fact !== undefined ? humanize(leaf.fact) : describeValue(leaf.expression)} (${humanize(leaf.operator).toLowerCase()})`,
        context: rule.label ?? rule.id,
        kind: 'number',
        value: leaf.value,
        ...(counting ? { integer: true, min: 0 } : {}),
        source: rule.source,
        ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
      });
    }
    if (typeof rule.output === 'number' && numericScale && 'numeric' in numericScale) {
      fields.push({
        pointer: `${base}/output`,
        group: /visit/i.test(`${id} ${decision.label}`) ? 'visits' : 'thresholds',
        section: decision.label,
        label: rule.label ?? rule.id,
        kind: 'number',
        value: rule.output,
        min: numericScale.numeric.min,
        max: numericScale.numeric.max,
        integer: numericScale.numeric.integer ?? false,
        source: rule.source,
        ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
      });
    }
  });
  return fields;
}

function mappingFields(pack: Pack): EditableField[] {
  return Object.entries(pack.mappings ?? {}).flatMap(([id, mapping]) => {
    const choices = scaleValues(ownMember(pack.scales, mapping.to));
    return Object.entries(mapping.table).map(([from, to]) => ({
      pointer: `/mappings/${pointerToken(id)}/table/${pointerToken(from)}`,
      group: 'mappings' as const,
      section: mapping.label ?? humanize(id),
      label: from,
      kind: choices ? ('choice' as const) : ('text' as const),
      value: to,
      ...(choices ? { choices } : {}),
      source: mapping.source,
    }));
  });
}

const UNITS = ['days', 'workingDays', 'weeks', 'months', 'years'] as const;

function outcomeFields(pack: Pack): EditableField[] {
  const fields: EditableField[] = [];
  (pack.outcomes.schedule ?? []).forEach((entry, i) => {
    const common = { group: 'visits' as const, section: entry.label, source: entry.source, ...(entry.interpretation ? { interpretation: entry.interpretation } : {}) };
    for (const [unit, n] of Object.entries(entry.every ?? {})) {
      if (typeof n === 'number') {
        fields.push({ ...common, pointer: `/outcomes/schedule/${i}/every/${unit}`, label: `Every … ${humanize(unit).toLowerCase()}`, kind: 'number', value: n, integer: true, min: 1 });
      }
    }
    if (typeof entry.perYear === 'number') {
      fields.push({ ...common, pointer: `/outcomes/schedule/${i}/perYear`, label: 'Times a year', kind: 'number', value: entry.perYear, min: 1 });
    }
  });
  (pack.outcomes.actions ?? []).forEach((action, i) => {
    for (const unit of UNITS) {
      const n = action.due?.[unit];
      if (typeof n !== 'number') continue;
      fields.push({
        pointer: `/outcomes/actions/${i}/due/${unit}`,
        group: 'actions',
        section: action.label,
        label: `Due within … ${humanize(unit).toLowerCase()}`,
        kind: 'number',
        value: n,
        integer: true,
        source: action.source,
        ...(action.interpretation ? { interpretation: action.interpretation } : {}),
      });
    }
  });
  return fields;
}

function criterionFields(pack: Pack): EditableField[] {
  const fields: EditableField[] = [];
  pack.framework?.domains.forEach((domain, di) =>
    domain.standards.forEach((standard, si) =>
      standard.criteria.forEach((criterion, ci) =>
        fields.push({
          pointer: `/framework/domains/${di}/standards/${si}/criteria/${ci}/title`,
          group: 'criteria',
          section: `${domain.title} › ${standard.title}`,
          label: criterion.id,
          kind: 'text',
          value: criterion.title,
          ...(standard.source ? { source: standard.source } : {}),
        }),
      ),
    ),
  );
  return fields;
}

/**
 * The common changes a quality lead makes. When the pack declares its parameters, its numbers
 * are exactly those (label, unit, bounds and citation from the declaration), with its mappings
 * and criterion titles. A pack that declares none falls back to numbers found from the rules'
 * shapes and names (thresholds, visit intervals, actions' due times), numbers compared with a
 * count of criteria bounded by the domain's number of criteria.
 */
export function editableFields(pack: Pack): EditableField[] {
  if (declaresParameters(pack)) return [...parameterFields(pack), ...mappingFields(pack), ...criterionFields(pack)];
  return [...thresholdFields(pack), ...mappingFields(pack), ...outcomeFields(pack), ...criterionFields(pack)];
}

/**
 * What is wrong with a value typed into a field, in plain words, or undefined when it is fine.
 * These checks come before the engine's own validation, which runs on the whole pack.
 */
export function checkFieldValue(field: EditableField, raw: string): { value?: number | string; problem?: string } {
  if (field.parameter) return checkParameterValue(field.parameter, raw);
  if (field.kind !== 'number') {
    if (raw.trim() === '') return { problem: 'This cannot be empty.' };
    if (field.choices && !field.choices.includes(raw)) return { problem: `Choose one of: ${field.choices.join(', ')}.` };
    return { value: raw };
  }
  if (raw.trim() === '') return { problem: 'Enter a number.' };
  const n = Number(raw);
  if (!Number.isFinite(n)) return { problem: `"${raw}" is not a number.` };
  if (field.integer && !Number.isInteger(n)) return { problem: 'Enter a whole number.' };
  if (field.min !== undefined && field.max !== undefined && (n < field.min || n > field.max)) {
    return { problem: `Enter a number from ${field.min} to ${field.max}${field.limitNote ? ` (${field.limitNote})` : ''}.` };
  }
  if (field.min !== undefined && n < field.min) return { problem: `Enter ${field.min} or more.` };
  if (field.max !== undefined && n > field.max) return { problem: `Enter ${field.max} or less.` };
  return { value: n };
}

/** A value typed for a declared parameter, checked with the engine's own words for its bounds. */
function checkParameterValue(p: NonNullable<EditableField['parameter']>, raw: string): { value?: number | string; problem?: string } {
  if (raw.trim() === '') return { problem: p.type === 'date' ? 'Enter a date.' : 'Enter a number.' };
  const value = p.type === 'date' ? raw.trim() : Number(raw);
  const problem = parameterValueProblem(p, value);
  return problem ? { problem: `This ${problem}.` } : { value };
}
