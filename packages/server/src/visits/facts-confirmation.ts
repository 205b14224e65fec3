import { isDeepStrictEqual } from 'node:util';
import { HttpError } from '../http-error.js';

/**
 * The officer's confirmation that the facts filled from the provider record are right (issue 12:
 * "the officer confirms or corrects them"): who confirmed, when, and the values they confirmed.
 */
export interface FactsConfirmation {
  by: string;
  at: string;
  /** Each fact filled from the provider record, with the value the draft had when confirmed (null: not recorded). */
  facts: Record<string, unknown>;
}

/** The draft's values of the facts filled from the provider record (null where the draft has none). */
export function prefilledValues(prefilled: Record<string, unknown>, facts: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.keys(prefilled).sort().map((name) => [name, facts?.[name] ?? null]));
}

/**
 * The confirmation a draft keeps after a save. `confirmed` is what the officer sent: true (ticked),
 * false (unticked) or undefined (not said). A confirmation stands only while the facts it confirmed
 * keep their values: changing one clears it, and ticking again records who and when anew.
 * @example confirmationAfterSave(null, { serviceType: 'Home Support' }, { serviceType: 'Home Support' }, true, 'olive', now)
 */
export function confirmationAfterSave(
  previous: FactsConfirmation | null,
  prefilled: Record<string, unknown>,
  facts: Record<string, unknown> | undefined,
  confirmed: boolean | undefined,
  by: string,
  at: string,
): FactsConfirmation | null {
  if (confirmed === false || Object.keys(prefilled).length === 0) return null;
  const values = prefilledValues(prefilled, facts);
  const standing = previous && isDeepStrictEqual(previous.facts, values) ? previous : null;
  if (confirmed === true) return standing ?? { by, at, facts: values };
  return standing;
}

/**
 * Why a draft may not be submitted yet because of the facts from the provider record, or undefined
 * when it may: every fact filled from the provider record must have been confirmed by the officer
 * (issue 12: "the officer confirms or corrects them"). A 409 `facts-not-confirmed` naming each
 * fact (`/facts/{name}`) with the value the draft gives it; nothing is stored.
 */
export function factsNotConfirmed(visit: {
  prefilled: Record<string, unknown>;
  factsConfirmed: FactsConfirmation | null;
  draft: { facts?: Record<string, unknown> };
}): HttpError | undefined {
  const names = Object.keys(visit.prefilled).sort();
  if (names.length === 0 || visit.factsConfirmed) return undefined;
  const values = prefilledValues(visit.prefilled, visit.draft.facts);
  return new HttpError(
    409,
    'facts-not-confirmed',
    `The facts filled from the provider record are not confirmed (${names.join(', ')}): confirm or correct them in the draft, then submit`,
    {
      details: names.map((name) => ({
        pointer: `/facts/${name}`,
        fact: name,
        message: `filled from the provider record (${values[name] === null ? 'not recorded' : JSON.stringify(values[name])}) and not confirmed by the officer`,
      })),
    },
  );
}
