import type { PackError } from '../errors.js';
import type { Pack } from '../types.js';
import { meaningChecks } from './meaning-checks.js';

type Available = Parameters<typeof meaningChecks>[1];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The containers the meaning checks walk without looking first: each must be an object (or a list) before they can run. */
const REQUIRED_OBJECTS = ['metadata', 'sources', 'scales', 'inputs', 'decisions', 'outcomes'] as const;
const OPTIONAL_OBJECTS = ['mappings', 'framework', 'interpretations', 'extensions'] as const;

/**
 * Schema keywords about the value itself (its type or form): a meaning error at or inside such a
 * value is the same problem again. Keywords about membership (`required`, `additionalProperties`,
 * `minItems`...) leave the rest of the container worth checking.
 */
const ABOUT_THE_VALUE = new Set(['schema.type', 'schema.oneOf', 'schema.anyOf', 'schema.enum', 'schema.const', 'schema.pattern', 'schema.format']);

/** Whether the pack's skeleton (its top-level containers) has the shape the meaning checks walk. */
function skeletonIsSound(value: unknown): value is Pack {
  if (!isObject(value)) return false;
  for (const k of REQUIRED_OBJECTS) if (!isObject(value[k])) return false;
  for (const k of OPTIONAL_OBJECTS) if (value[k] !== undefined && !isObject(value[k])) return false;
  if (value.cases !== undefined && !Array.isArray(value.cases)) return false;
  const metadata = value.metadata as Record<string, unknown>;
  const inputs = value.inputs as Record<string, unknown>;
  return Array.isArray(metadata.documents) && isObject(inputs.properties);
}

const within = (pointer: string, at: string): boolean => pointer === at || pointer.startsWith(`${at}/`);

/**
 * The meaning checks of a pack that failed its schema, so that one list reports both: they run
 * when the pack's skeleton is sound, and a check that cannot run on the broken parts (it throws)
 * gives nothing rather than a crash. A meaning error at or inside a value the schema already
 * refused (wrong type, not a valid condition...) is left out: that place is reported once.
 */
export function meaningChecksAlongsideSchema(value: unknown, schemaErrors: readonly PackError[], available: Available): PackError[] {
  if (!skeletonIsSound(value)) return [];
  let errors: PackError[];
  try {
    errors = meaningChecks(value, available);
  } catch {
    return [];
  }
  const refused = schemaErrors.filter((e) => ABOUT_THE_VALUE.has(e.code)).map((e) => e.pointer);
  return errors.filter((e) => !refused.some((at) => within(e.pointer, at)));
}
