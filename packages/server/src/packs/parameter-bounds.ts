import { HttpError } from '../http-error.js';
import type { PackValidation } from '../engine/index.js';

/** The engine's code for a declared parameter's value outside its type or bounds (`language/parameters/`). */
const PARAMETER_BOUNDS_CODE = 'parameter.bounds';

/**
 * Refuses (422, nothing saved) a draft giving a declared parameter a value outside its bounds or
 * of the wrong type: the pack's own declaration says the value is not allowed, so it is refused
 * at once with the value's pointer, like the field in the admin UI, rather than saved as invalid.
 */
export function refuseParametersOutOfBounds(validation: PackValidation): void {
  const out = validation.errors.filter((e) => e.code === PARAMETER_BOUNDS_CODE);
  if (out.length === 0) return;
  throw new HttpError(422, 'invalid-pack', `The draft was not saved. ${out.map((e) => e.message).join(' ')}`, {
    details: out.map((e) => ({ ...e })),
  });
}
