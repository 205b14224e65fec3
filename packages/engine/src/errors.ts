/**
 * One problem found in a pack: where (JSON pointer into the bundled pack; the source file,
 * line and column when the pack was read from files), what, and a hint at the fix.
 */
export interface PackError {
  code: string;
  pointer: string;
  message: string;
  hint?: string;
  /** The source file (of a pack folder or a bundled pack file) the problem is in. */
  file?: string;
  line?: number;
  column?: number;
}

/** One problem found in an assessment: the fact (or criterion) and what is wrong with it. */
export interface AssessmentProblem {
  pointer: string;
  /** The fact or criterion id the problem concerns, or `date`. */
  fact: string;
  message: string;
}

/** Thrown by `compilePack` when a pack is invalid; `errors` lists every problem at once. */
export class PackValidationError extends Error {
  readonly errors: PackError[];
  constructor(errors: PackError[]) {
    super(`The pack is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n` +
      errors.slice(0, 20).map((e) => `  ${e.pointer || '/'}: ${e.message}`).join('\n'));
    this.name = 'PackValidationError';
    this.errors = errors;
  }
}

/** Thrown by `evaluate` when an assessment does not fit the pack's inputs; nothing is evaluated. */
export class AssessmentError extends Error {
  readonly errors: AssessmentProblem[];
  constructor(errors: AssessmentProblem[]) {
    super(`The assessment is invalid:\n` + errors.map((e) => `  ${e.fact} (${e.pointer}): ${e.message}`).join('\n'));
    this.name = 'AssessmentError';
    this.errors = errors;
  }
}

/** Thrown by `evaluate` when the pack cannot decide: no rule and no fallback, or two rules under `unique`. */
export class EvaluationError extends Error {
  readonly decision: string;
  constructor(decision: string, message: string) {
    super(`${decision}: ${message}`);
    this.name = 'EvaluationError';
    this.decision = decision;
  }
}

/**
 * Thrown by `evaluate` when an arithmetic expression cannot give a number (a division by zero, a
 * value that is not a number); `pointer` is the expression's JSON pointer in the pack.
 */
export class ExpressionError extends EvaluationError {
  readonly pointer: string;
  constructor(pointer: string, message: string) {
    super(/^\/decisions\/([^/]+)/.exec(pointer)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? pointer, `${message} (at ${pointer})`);
    this.name = 'ExpressionError';
    this.pointer = pointer;
  }
}
