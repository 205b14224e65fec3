import { HttpError } from '../http-error.js';
import type { ProviderBody } from './index.js';

/** A field of the provider record as the edit form shows it, in the pack's words. */
export interface ProviderField {
  /**
   * `name`, `cqcLocationId`, `serviceType`, `size.<fact>` for a size the record keeps, or
   * `facts.<fact>` for another fact about the location the pack reads (the current CQC rating and its date).
   */
  field: string;
  /** The pack's title for the input (or its description when it has no title); fixed words for name and CQC id. */
  title: string;
  /** `date`: an ISO date, YYYY-MM-DD. */
  kind: 'text' | 'choice' | 'integer' | 'number' | 'date';
  required: boolean;
  /** For `choice`: the values the pack accepts, in the pack's order. */
  choices?: string[];
  minimum?: number;
  maximum?: number;
  /** The pack's description of the input, when it has a title too. */
  hint?: string;
}

/** A pack input as its inputs schema declares it (only what the record's fields need). */
interface DeclaredInput {
  type?: string;
  format?: string;
  'x-scale'?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

function words(input: DeclaredInput, fallback: string): { title: string; hint?: string } {
  if (input.title) return { title: input.title, ...(input.description ? { hint: input.description } : {}) };
  return { title: input.description ?? fallback };
}

/** The scale whose values are the CQC's published ratings: an input on it is a fact about the location. */
export const CQC_SCALE = 'cqc';

/** The pack's scales, as far as the record's fields need them. */
type DeclaredScales = Record<string, { values?: unknown[] }> | undefined;

/**
 * Facts about the location that are not sizes: every input on the CQC's rating scale (the current
 * CQC rating, which the CQC publishes for the location, not something a visit finds), with the
 * pack's date input named after it (`cqcRating` -> `cqcRatingDate`) when it declares one.
 * Inputs on the council's own scales (a previous rating ...) stay with the visit.
 */
function factFields(declared: Record<string, DeclaredInput>, scales: DeclaredScales): ProviderField[] {
  const fields: ProviderField[] = [];
  for (const [name, input] of Object.entries(declared)) {
    if (input['x-scale'] !== CQC_SCALE) continue;
    const choices = (scales?.[CQC_SCALE]?.values ?? []).filter((v): v is string => typeof v === 'string');
    if (choices.length === 0) continue;
    fields.push({ field: `facts.${name}`, ...words(input, name), kind: 'choice', required: false, choices });
    const date = declared[`${name}Date`];
    if (date?.type === 'string' && date.format === 'date') {
      fields.push({ field: `facts.${name}Date`, ...words(date, `${name}Date`), kind: 'date', required: false });
    }
  }
  return fields;
}

/**
 * The provider record's fields for a council, from its pack's inputs by the same mapping visits
 * use to fill facts from the record (`factsFromProvider`: a record value feeds the pack input of
 * the same name). Name and CQC location id always; the service type, with the pack's choices when
 * it declares an input `serviceType`; and, as size facts, every numeric input the pack reads
 * that cannot be negative (beds, service users, addresses, weekly hours ...), with its bounds; and,
 * as other facts, the current CQC rating and its date when the pack reads them ({@link factFields}).
 * @example providerFields(boltonPack.inputs, boltonPack.scales).map((f) => f.field) // ['name', 'cqcLocationId', 'serviceType', 'size.beds', ..., 'facts.cqcRating']
 */
export function providerFields(inputs: unknown, scales?: unknown): ProviderField[] {
  const declared = (inputs as { properties?: Record<string, DeclaredInput> } | undefined)?.properties ?? {};
  const fields: ProviderField[] = [
    { field: 'name', title: 'Name', kind: 'text', required: true },
    { field: 'cqcLocationId', title: 'CQC location id', kind: 'text', required: false, hint: 'e.g. 1-123456789' },
  ];
  const service = declared.serviceType;
  const choices = service?.enum?.filter((v): v is string => typeof v === 'string');
  fields.push({
    field: 'serviceType',
    // A pack that gives the service type no title reads "Service type", its description then the hint.
    ...(service?.title ? words(service, 'Service type') : { title: 'Service type', ...(service?.description ? { hint: service.description } : {}) }),
    kind: choices?.length ? 'choice' : 'text',
    required: false,
    ...(choices?.length ? { choices } : {}),
  });
  for (const [name, input] of Object.entries(declared)) {
    if (input.type !== 'integer' && input.type !== 'number') continue;
    if (input.minimum === undefined || input.minimum < 0) continue;
    fields.push({
      field: `size.${name}`,
      ...words(input, name),
      kind: input.type,
      required: false,
      minimum: input.minimum,
      ...(input.maximum !== undefined ? { maximum: input.maximum } : {}),
    });
  }
  return [...fields, ...factFields(declared, scales as DeclaredScales)];
}

/** One value of a provider that does not fit its field: JSON pointer, the field's name, and why (in the pack's words). */
export interface ProviderFieldProblem {
  pointer: string;
  /** As in {@link ProviderField.field}, e.g. `size.beds`. */
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/**
 * What in a provider does not fit the council's fields: a service type or CQC rating not among
 * the pack's choices, a date that is not one, a size fact the pack reads outside its bounds (or
 * not whole where it counts). Size facts and other facts the pack does not read are kept as sent.
 */
export function providerFieldProblems(body: ProviderBody, fields: ProviderField[]): ProviderFieldProblem[] {
  const problems: ProviderFieldProblem[] = [];
  const service = fields.find((f) => f.field === 'serviceType');
  if (service?.choices && body.serviceType != null && !service.choices.includes(body.serviceType)) {
    problems.push({ pointer: '/serviceType', field: 'serviceType', message: `${service.title}: must be one of ${service.choices.map((c) => `"${c}"`).join(', ')}` });
  }
  for (const [fact, value] of Object.entries(body.size ?? {})) {
    const field = fields.find((f) => f.field === `size.${fact}`);
    if (!field) continue;
    const at = { pointer: `/size/${fact}`, field: field.field };
    if (field.kind === 'integer' && !Number.isInteger(value)) problems.push({ ...at, message: `${field.title}: must be a whole number` });
    else if (field.minimum !== undefined && value < field.minimum) problems.push({ ...at, message: `${field.title}: must be at least ${field.minimum}` });
    else if (field.maximum !== undefined && value > field.maximum) problems.push({ ...at, message: `${field.title}: must be at most ${field.maximum}` });
  }
  for (const [fact, value] of Object.entries(body.facts ?? {})) {
    const field = fields.find((f) => f.field === `facts.${fact}`);
    if (!field) continue;
    const at = { pointer: `/facts/${fact}`, field: field.field };
    if (field.kind === 'choice' && !field.choices!.includes(value)) {
      problems.push({ ...at, message: `${field.title}: must be one of ${field.choices!.map((c) => `"${c}"`).join(', ')}` });
    } else if (field.kind === 'date' && !isIsoDate(value)) {
      problems.push({ ...at, message: `${field.title}: must be a date written YYYY-MM-DD, e.g. 2025-03-31` });
    }
  }
  return problems;
}

/** {@link providerFieldProblems}, as a 422 naming every field at fault by pointer and title. */
export function checkProviderBody(body: ProviderBody, fields: ProviderField[]): void {
  const details = providerFieldProblems(body, fields).map(({ pointer, message }) => ({ pointer, message }));
  if (details.length > 0) throw new HttpError(422, 'invalid-body', 'The provider does not fit the fields the council\'s pack reads', { details });
}
