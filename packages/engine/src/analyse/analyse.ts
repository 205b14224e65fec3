import type { CompiledInstance, CompiledPack, CompiledRule } from '../compile/compile-pack.js';
import { decisionDependencies, findCycles } from '../compile/decision-graph.js';
import { pluginDeclarations } from '../language/plugin-declaration.js';
import { inputSpace, type Dimension, type InputSpaceOptions } from './input-space.js';
import { FindingCollector, type FindingHead } from './finding-collector.js';
import { analysisState, walkSpace } from './walk-space.js';
import { analyseByFactors } from './factors.js';
import { derivedDecisions } from './derived-decisions.js';
import { interpretationOnlyHead, maskedFinding, noValueHead, unreachableFinding } from './rule-place.js';
import { finite, onScale, winningRules } from './scale-value.js';
import { analyseOutcomes, type OutcomeFindingKind, type OutcomesReport } from './outcomes.js';

/** What a decision's finding is about. */
export type FindingKind = 'gap' | 'fallback-only' | 'interpretation-only' | 'overlap' | 'masked' | 'unreachable' | 'cycle';

/** One group of inputs that share a finding, named in the council's words. */
export interface FindingExample {
  inputs: string;
  /** Concrete input combinations this example stands for. */
  count: number;
}

/** One finding about a decision: its kind, the rule(s) concerned, and the inputs it covers. */
export interface AnalysisFinding {
  kind: FindingKind;
  decision: string;
  rule?: string;
  /** Plain-words summary. */
  message: string;
  /** Concrete input combinations in total. */
  count: number;
  /** Distinct readable input groups (the first `maxExamples`; `more` says how many were left out). */
  examples: FindingExample[];
  more: number;
  /**
   * What varies among the inputs, where they are every combination of some inputs with the
   * others held at one value: "with any of 1505 ways the advanced criteria (12) are judged, given ...".
   */
  varies?: string;
  interpretation?: string;
  /**
   * Masked, unreachable, no-value and interpretation-only findings: where the rule sits in the pack as written,
   * `/decisions/<id>/rules/<n>` or `/decisions/<id>/table/rows/<n>` (`rule-place.ts`).
   */
  pointer?: string;
  /** Masked findings: where the higher-priority rules or rows sit that decide wherever this one matches. */
  maskedBy?: string[];
}

/** The analysis of one decision instance. */
export interface DecisionAnalysis {
  decision: string;
  label: string;
  hitPolicy: string;
  /** True when every point of the input space was checked. */
  exhaustive: boolean;
  /** Points checked (count vectors and values, not raw combinations). */
  points: number;
  /** Concrete input combinations those points stand for (at most Number.MAX_VALUE). */
  combinations: number;
  dimensions: string[];
  /** Why the analysis is not exhaustive, if it is not. */
  notes: string[];
  findings: AnalysisFinding[];
}

/** The analysis of a pack. */
export interface AnalysisReport {
  pack: { id: string; version: string; hash: string };
  decisions: DecisionAnalysis[];
  cycles: string[][];
  /** Actions and schedule entries (`outcomes.ts`): never firing, always firing, conflicting, and under which decision values each fires. */
  outcomes: OutcomesReport;
  summary: Record<FindingKind | OutcomeFindingKind, number>;
  /** True when every decision was enumerated exhaustively (the outcomes say their own: `outcomes.exhaustive`). */
  complete: boolean;
  millis: number;
}

export { MAX_EXAMPLES } from './finding-collector.js';
export { KEPT_OPTIONS, MAX_VARIED_ALONE } from './walk-space.js';

/**
 * How to analyse: `factors: false` enumerates (or samples) each space whole, as a check on the
 * factored analysis; `tables: false` evaluates every rule at every point of its factor instead of
 * looking up the rules that read only part of it (`rule-tables.ts`), as a check on the tables.
 */
export interface AnalyseOptions extends InputSpaceOptions {
  factors?: boolean;
  tables?: boolean;
}

/**
 * Analyses one decision instance over its input space: by factors (exact, see `factors.ts`)
 * where the space splits into few enough points, else enumerated whole, else sampled.
 */
export function analyseInstance(c: CompiledPack, inst: CompiledInstance, options: AnalyseOptions = {}): DecisionAnalysis {
  // A decision derived from the other inputs is computed at each point, not varied (`derived-decisions.ts`).
  const derived = derivedDecisions(c, inst, inputSpace(c, inst, options));
  const dims = derived.dims;
  if (options.factors !== false) {
    const byFactors = analyseByFactors(c, inst, dims, derived, options.tables !== false);
    if (byFactors) return byFactors;
  }
  const notes = dims.filter((d) => !d.exhaustive && d.note).map((d) => d.note!);
  const state = analysisState(c);
  const collector = new FindingCollector(dims);
  const chosenCount = new Map<string, number>();
  const matchedCount = new Map<string, number>();
  const shadowedBy = new Map<string, Set<string>>();
  const base = { decision: inst.id };

  const walk = walkSpace(dims, state, inst.id, (current, choice, weight) => {
    // The readable inputs are only needed for a finding: built on demand, most points have none.
    let cached: string | undefined;
    const text = (): string => {
      if (cached === undefined) {
        const words: string[] = [];
        for (let i = 0; i < dims.length; i++) { const w = current[i]!.words; if (w) words.push(w); }
        cached = words.join('; ');
      }
      return cached;
    };
    const note = (key: string, finding: FindingHead): void => collector.add(key, finding, current, choice, text, weight);
    const matched: CompiledRule[] = [];
    for (const r of inst.rules) if (r.when.test(state)) matched.push(r);
    for (const r of matched) matchedCount.set(r.id, (matchedCount.get(r.id) ?? 0) + 1);
    if (matched.length === 0) {
      if (inst.fallback) {
        const interp = inst.fallback.interpretation;
        note(`fallback|${interp ?? ''}`, { ...base, kind: 'fallback-only', message: interp ? `covered only by the fallback, under interpretation "${interp}"` : 'covered only by the fallback', ...(interp ? { interpretation: interp } : {}) });
      } else {
        note('gap', { ...base, kind: 'gap', message: 'no rule and no fallback covers these inputs' });
      }
      return;
    }
    if (inst.policy === 'unique' && matched.length > 1) {
      const ids = matched.map((r) => r.id).join(' + ');
      note(`overlap|${ids}`, { ...base, kind: 'overlap', rule: ids, message: `rules ${matched.map((r) => `"${r.id}"`).join(' and ')} all match under hit policy unique` });
    }
    const chosen = inst.policy === 'first' ? [matched[0]!] : matched;
    for (const r of chosen) {
      const v = r.output(state);
      if (!onScale(inst, v)) note(`novalue|${r.id}`, noValueHead(c, inst, r));
    }
    for (const r of chosen) chosenCount.set(r.id, (chosenCount.get(r.id) ?? 0) + 1);
    if (inst.policy === 'first') for (const r of matched.slice(1)) {
      const set = shadowedBy.get(r.id) ?? new Set<string>();
      set.add(matched[0]!.id);
      shadowedBy.set(r.id, set);
    }
    // Under max or min only the rules giving the winning value decide it (see `winningRules`).
    const deciding = inst.policy === 'max' || inst.policy === 'min' ? winningRules(inst, chosen.map((r) => r.output(state))).winners.map((i) => chosen[i]!) : chosen;
    if (deciding.length && deciding.every((r) => r.interpretation)) {
      const r = deciding[0]!;
      note(`interp|${r.id}`, interpretationOnlyHead(c, inst, r));
    }
  }, derived.derive);
  const { points, combinations } = walk;
  if (walk.note) notes.push(walk.note);

  const exhaustive = walk.enumerated && dims.every((d: Dimension) => d.exhaustive);
  const findings = collector.findings();
  const scope = { c, inst, qualifier: exhaustive ? '' : ` in the ${points.toLocaleString('en-GB')} points checked (not exhaustive)` };
  for (const r of inst.rules) {
    if (!matchedCount.get(r.id)) findings.push(unreachableFinding(scope, r));
    else if (inst.policy === 'first' && !chosenCount.get(r.id)) findings.push(maskedFinding(scope, r, inst.rules.filter((x) => shadowedBy.get(r.id)?.has(x.id))));
  }
  return {
    decision: inst.id,
    label: inst.instance.domain ? `${inst.decision.label} (${inst.instance.domain.title})` : inst.decision.label,
    hitPolicy: inst.policy,
    exhaustive,
    points,
    combinations: finite(combinations),
    dimensions: dims.map((d) => `${d.name} (${d.size})`),
    notes,
    findings,
  };
}

/**
 * Analyses every decision of a compiled pack: enumerates each decision's finite input space
 * (count vectors per class of criteria, domain multisets, scale values, booleans) and reports
 * gaps, inputs covered only by a fallback or an interpretation, overlaps under `unique`,
 * masked and unreachable rules, and cycles; then the actions and schedule (`outcomes.ts`). Where a space is too large or unbounded it samples
 * and says so.
 * @example
 * const report = analyse(compilePack(pack));
 * report.summary.gap // 0
 */
export function analyse(c: CompiledPack, options: AnalyseOptions = {}): AnalysisReport {
  const started = performance.now();
  const decisions = c.instances.map((inst) => analyseInstance(c, inst, options));
  const cycles = findCycles(decisionDependencies(c.pack, pluginDeclarations(c.pack, c.extensions)));
  const outcomes = analyseOutcomes(c);
  const summary: Record<FindingKind | OutcomeFindingKind, number> = { gap: 0, 'fallback-only': 0, 'interpretation-only': 0, overlap: 0, masked: 0, unreachable: 0, cycle: cycles.length, 'never-fires': 0, 'always-fires': 0, 'conflicting-schedule': 0 };
  for (const d of decisions) for (const f of d.findings) summary[f.kind]++;
  for (const f of outcomes.findings) summary[f.kind]++;
  return {
    pack: { id: c.pack.metadata.id, version: c.pack.metadata.version, hash: c.hash },
    decisions,
    cycles,
    outcomes,
    summary,
    complete: decisions.every((d) => d.exhaustive),
    millis: Math.round(performance.now() - started),
  };
}
