/**
 * The date a stored assessment is determined as of (the engine's `asOf`).
 *
 * An assessment is determined as of its own date (the visit), unless it was stored because
 * something happened after the visit: an action's completion (`actions/complete-action.ts`) feeds
 * the completion date into the visit's assessment, and that determination is made as of the day the
 * action was done, so that a rule about an event dated after the visit (Birmingham's
 * `ratings-in-effect-on-the-determination-date`) sees it as happened. Every later evaluation of the
 * stored assessment (under a version newly in force, in a what-if, determined again, reproduced,
 * explained, answered by a recorded decision) uses the `asOf` its stored determination was made at.
 *
 * The stored determination carries it (`result.asOf`, a member of every determination the engine
 * makes): no column holds it. A row without one reads as determined on the assessment's date.
 */

/** SQL over a determination `d` of an assessment `a`: the `asOf` it was made at, as `YYYY-MM-DD` text. */
export function determinedAsOfSql(d: string, a: string): string {
  return `COALESCE(${d}.result->>'asOf', ${a}.assessment_date::text)`;
}

/** The `asOf` a stored determination was made at; its assessment's date when it has none. */
export function determinedAsOf(result: { asOf?: unknown } | null | undefined, assessmentDate: string): string {
  const asOf = result?.asOf;
  return typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : String(assessmentDate).slice(0, 10);
}

/**
 * The `asOf` of the determination made when an action of an assessment is completed on
 * `completedOn`: that day, never before the assessment's date nor before the `asOf` its current
 * determination was already made at (a step recorded late does not unmake a later one).
 */
export function completionAsOf(assessmentDate: string, currentAsOf: string, completedOn: string): string {
  return [assessmentDate, currentAsOf, completedOn].reduce((a, b) => (b > a ? b : a));
}
