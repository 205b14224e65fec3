import { HttpError } from '../http-error.js';
import type { ProviderBody } from './index.js';

/** A field of the provider record as the edit form shows it, in the pack's words. */
export interface ProviderField {
  /** `name`, `cqcLocationId`, `serviceType`, or `size.<fact>` for a size the record keeps. */
  field: string;
  /** The pack's title for the input (or its description when it has no title); fixed words for name and CQC id. */
  title: string;
  kind: 'text' | 'choice' | 'integer' | 'number';
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

/**
 * The provider record's fields for a council, from its pack's inputs by the same mapping visits
 * use to fill facts from the record (`factsFromProvider`: a record value feeds the pack input of
 * the same name). Name and CQC location id always; the service type, with the pack's choices when
 * it declares an input `serviceType`; and, as size facts, every numeric input the pack reads
 * that cannot be negative (beds, service users, addresses, weekly hours ...), with its bounds.
 * @example providerFields(boltonPack.inputs).map((f) => f.field) // ['name', 'cqcLocationId', 'serviceType', 'size.beds', ...]
 */
export function providerFields(inputs: unknown): ProviderField[] {
  const declared = (inputs as { properties?: Record<string, DeclaredInput> } | undefined)?.properties ?? {};
  const fields: ProviderField[] = [
    { field: 'name', title: 'Name', kind: 'text', required: true },
    { field: 'cqcLocationId', title: 'CQC location id', kind: 'text', required: false, hint: 'e.g. 1-123456789' },
  ];
  const service = declared.serviceType;
  const choices = service?.enum?.filter((v): v is string => typeof v === 'string');
  fields.push({
    field: 'serviceType',
    ...(service ? words(service, 'Service type') : { title: 'Service type' }),
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
  return fields;
}

/**
 * Checks a provider body against the council's fields: a service type among the pack's choices,
 * and each size fact the pack reads within its bounds (whole where it counts). Size facts the
 * pack does not read are kept as sent. 422 naming every field at fault, by pointer and title.
 */
export function checkProviderBody(body: ProviderBody, fields: ProviderField[]): void {
  const details: { pointer: string; message: string }[] = [];
  const service = fields.find((f) => f.field === 'serviceType');
  if (service?.choices && body.serviceType != null && !service.choices.includes(body.serviceType)) {
    details.push({ pointer: '/serviceType', message: `${service.title}: must be one of ${service.choices.map((c) => `"${c}"`).join(', ')}` });
  }
  for (const [fact, value] of Object.entries(body.size ?? {})) {
    const field = fields.find((f) => f.field === `size.${fact}`);
    if (!field) continue;
    const pointer = `/size/${fact}`;
    if (field.kind === 'integer' && !Number.isInteger(value)) details.push({ pointer, message: `${field.title}: must be a whole number` });
    else if (field.minimum !== undefined && value < field.minimum) details.push({ pointer, message: `${field.title}: must be at least ${field.minimum}` });
    else if (field.maximum !== undefined && value > field.maximum) details.push({ pointer, message: `${field.title}: must be at most ${field.maximum}` });
  }
  if (details.length > 0) throw new HttpError(422, 'invalid-body', 'The provider does not fit the fields the council\'s pack reads', { details });
}
