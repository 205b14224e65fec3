import type { Criterion, InputFactSchema, Pack } from '@openqaf/engine';
import { humanize } from './editable-fields.js';
import { ownMember } from '@openqaf/engine/browser';

/** One criterion to judge, with the judgements it may take. */
export interface CriterionField {
  id: string;
  title: string;
  flags: string[];
  judgements: string[];
}

/** A domain's standards and their criteria, as the form groups them. */
export interface JudgementGroup {
  id: string;
  title: string;
  standards: { id: string; title: string; criteria: CriterionField[] }[];
}

/** One input fact of the pack as a form control. */
export interface FactField {
  name: string;
  label: string;
  /** The pack's description of the fact, shown under the label. */
  hint?: string;
  kind: 'choice' | 'yes-no' | 'date' | 'number' | 'text';
  choices?: string[];
  required: boolean;
  min?: number;
  max?: number;
}

/** The assessment form generated from a pack. */
export interface AssessmentFormModel {
  labels: { domain: string; standard: string; criterion: string };
  judgementsRequired: boolean;
  groups: JudgementGroup[];
  facts: FactField[];
}

function allowedJudgements(pack: Pack, criterion: Criterion): string[] {
  const fw = pack.framework!;
  if (criterion.judgements) return criterion.judgements;
  const allowed = new Set(fw.judgements.default);
  for (const flag of criterion.flags ?? []) for (const j of fw.judgements.byFlag?.[flag] ?? []) allowed.add(j);
  const scale = ownMember(pack.scales, fw.judgements.scale);
  const order = scale && 'values' in scale ? scale.values : [...allowed];
  return order.filter((v) => allowed.has(v));
}

function factField(pack: Pack, name: string, schema: InputFactSchema, required: boolean): FactField {
  const title = (schema as { title?: unknown }).title;
  const label = { label: typeof title === 'string' && title ? title : humanize(name), ...(schema.description ? { hint: schema.description } : {}) };
  const scale = schema['x-scale'] ? ownMember(pack.scales, schema['x-scale']) : undefined;
  if (scale && 'values' in scale) return { name, ...label, kind: 'choice', choices: scale.values, required };
  if (Array.isArray(schema.enum)) return { name, ...label, kind: 'choice', choices: schema.enum.map(String), required };
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'boolean') return { name, ...label, kind: 'yes-no', required };
  if (type === 'number' || type === 'integer' || (scale && 'numeric' in scale)) {
    const bounds = scale && 'numeric' in scale ? scale.numeric : { min: schema.minimum, max: schema.maximum };
    return { name, ...label, kind: 'number', required, ...(bounds.min !== undefined ? { min: bounds.min } : {}), ...(bounds.max !== undefined ? { max: bounds.max } : {}) };
  }
  if (schema.format === 'date') return { name, ...label, kind: 'date', required };
  return { name, ...label, kind: 'text', required };
}

/**
 * The assessment form of a pack: criterion judgements grouped by domain and standard, then
 * one control per input fact (scale and enum facts as choices, booleans as yes/no, dates).
 */
export function assessmentFormModel(pack: Pack): AssessmentFormModel {
  const fw = pack.framework;
  const required = new Set(pack.inputs.required ?? []);
  return {
    labels: { domain: fw?.labels?.domain ?? 'Domain', standard: fw?.labels?.standard ?? 'Standard', criterion: fw?.labels?.criterion ?? 'Criterion' },
    judgementsRequired: fw?.judgements.required ?? false,
    groups: (fw?.domains ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      standards: d.standards.map((s) => ({
        id: s.id,
        title: s.title,
        criteria: s.criteria.map((c) => ({ id: c.id, title: c.title, flags: c.flags ?? [], judgements: allowedJudgements(pack, c) })),
      })),
    })),
    facts: Object.entries(pack.inputs.properties).map(([name, schema]) => factField(pack, name, schema, required.has(name))),
  };
}

/**
 * The facts of an assessment from the form's raw values: empty controls are left out, yes/no
 * become booleans and numbers become numbers.
 */
export function factsFromForm(model: AssessmentFormModel, raw: Record<string, string>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const f of model.facts) {
    const v = raw[f.name];
    if (v === undefined || v === '') continue;
    if (f.kind === 'yes-no') facts[f.name] = v === 'yes';
    else if (f.kind === 'number') facts[f.name] = Number(v);
    else facts[f.name] = v;
  }
  return facts;
}

/**
 * One fact's value from its control (yes/no as a boolean, numbers as numbers, within the
 * fact's bounds), or the problem with it in plain words.
 */
export function readFactValue(f: FactField, raw: string): { value?: unknown; problem?: string } {
  if (raw === '') return { problem: 'Choose or enter a value, or remove the fact.' };
  if (f.kind === 'yes-no') return { value: raw === 'yes' };
  if (f.kind !== 'number') return { value: raw };
  const n = Number(raw);
  if (!Number.isFinite(n)) return { problem: `"${raw}" is not a number.` };
  if (f.min !== undefined && n < f.min) return { problem: `Enter ${f.min} or more.` };
  if (f.max !== undefined && n > f.max) return { problem: `Enter ${f.max} or less.` };
  return { value: n };
}
