import type { CompiledInstance, CompiledPack, CompiledRule } from '../compile/compile-pack.js';
import { unsetList, type EvalState } from '../compile/eval-state.js';
import { decisionDependencies, findCycles } from '../compile/decision-graph.js';
import { pluginDeclarations } from '../language/plugin-declaration.js';
import { LIMITS } from '../schema/limits.js';
import { seededRandom } from '../random/seeded-random.js';
import { ANALYSIS_DATE, inputSpace, type Dimension, type DimensionOption, type InputSpaceOptions } from './input-space.js';
import { analyseByFactors } from './factors.js';
import { finite, onScale, winningRules } from './scale-value.js';

/** What a finding is about. */
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
  interpretation?: string;
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
  summary: Record<FindingKind, number>;
  /** True when every decision was enumerated exhaustively. */
  complete: boolean;
  millis: number;
}

/** Most readable examples listed per finding. */
export const MAX_EXAMPLES = 25;

/** Options of a dimension up to this many are kept once built; a larger dimension's are built as visited. */
export const KEPT_OPTIONS = 10_000;

/** Most options of one dimension varied alone from each corner when sampling (half from each end). */
export const MAX_VARIED_ALONE = 200;

/** The option indexes of a dimension of `size` varied alone: all of them, or those nearest each end. */
function variedAlone(size: number): number[] {
  if (size <= MAX_VARIED_ALONE) return Array.from({ length: size }, (_, i) => i);
  const half = MAX_VARIED_ALONE / 2;
  return [...Array.from({ length: half }, (_, i) => i), ...Array.from({ length: half }, (_, i) => size - half + i)];
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

class FindingCollector {
  private readonly groups = new Map<string, { finding: Omit<AnalysisFinding, 'examples' | 'more' | 'count'>; count: number; examples: Map<string, number> }>();
  add(key: string, finding: Omit<AnalysisFinding, 'examples' | 'more' | 'count'>, text: () => string, weight: number): void {
    let g = this.groups.get(key);
    if (!g) { g = { finding, count: 0, examples: new Map() }; this.groups.set(key, g); }
    g.count += weight;
    const words = text();
    g.examples.set(words, (g.examples.get(words) ?? 0) + weight);
  }
  findings(): AnalysisFinding[] {
    return [...this.groups.values()].map((g) => {
      const all = [...g.examples.entries()].map(([inputs, count]) => ({ inputs: inputs || '(any input)', count }));
      return { ...g.finding, count: finite(g.count), examples: all.slice(0, MAX_EXAMPLES).map((e) => ({ ...e, count: finite(e.count) })), more: Math.max(0, all.length - MAX_EXAMPLES) };
    });
  }
}

/** How to analyse: `factors: false` enumerates (or samples) each space whole, as a check on the factored analysis. */
export interface AnalyseOptions extends InputSpaceOptions {
  factors?: boolean;
}

/**
 * Analyses one decision instance over its input space: by factors (exact, see `factors.ts`)
 * where the space splits into few enough points, else enumerated whole, else sampled.
 */
export function analyseInstance(c: CompiledPack, inst: CompiledInstance, options: AnalyseOptions = {}): DecisionAnalysis {
  const dims = inputSpace(c, inst, options);
  if (options.factors !== false) {
    const byFactors = analyseByFactors(c, inst, dims);
    if (byFactors) return byFactors;
  }
  // Counted before anything is built: a space too large is sampled, never listed.
  const total = dims.reduce((n, d) => n * d.size, 1);
  const enumerate = total <= LIMITS.maxAnalysisPoints;
  const notes = dims.filter((d) => !d.exhaustive && d.note).map((d) => d.note!);
  const state: EvalState = {
    facts: {},
    assessmentDate: ANALYSIS_DATE,
    asOf: ANALYSIS_DATE,
    values: new Array(c.instances.length),
    ranks: unsetList(c.index.criteria.length),
    judgements: {},
    counts: unsetList(c.countSlots),
    interpretations: new Set(),
  };
  const collector = new FindingCollector();
  const chosenCount = new Map<string, number>();
  const matchedCount = new Map<string, number>();
  const shadowedBy = new Map<string, Set<string>>();
  let combinations = 0;
  let points = 0;
  const base = { decision: inst.id };

  // The option each dimension is at: rebuilt only when its index changes, and kept once
  // built for a dimension small enough (as nearly all are) to be revisited cheaply.
  const current: DimensionOption[] = new Array(dims.length);
  const currentIndex = new Array<number>(dims.length).fill(-1);
  const kept = dims.map((d) => (d.size <= KEPT_OPTIONS ? new Array<DimensionOption | undefined>(d.size) : undefined));
  const optionAt = (i: number, index: number): DimensionOption => {
    const k = kept[i];
    if (!k) return dims[i]!.option(index);
    return (k[index] ??= dims[i]!.option(index));
  };
  const visit = (choice: number[]): void => {
    state.counts.fill(-1);
    let weight = 1;
    for (let i = 0; i < dims.length; i++) {
      if (currentIndex[i] !== choice[i]) { current[i] = optionAt(i, choice[i]!); currentIndex[i] = choice[i]!; }
      const o = current[i]!;
      o.apply(state);
      weight *= o.weight;
    }
    points++;
    combinations += weight;
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
    const matched: CompiledRule[] = [];
    for (const r of inst.rules) if (r.when.test(state)) matched.push(r);
    for (const r of matched) matchedCount.set(r.id, (matchedCount.get(r.id) ?? 0) + 1);
    if (matched.length === 0) {
      if (inst.fallback) {
        const interp = inst.fallback.interpretation;
        collector.add(`fallback|${interp ?? ''}`, { ...base, kind: 'fallback-only', message: interp ? `covered only by the fallback, under interpretation "${interp}"` : 'covered only by the fallback', ...(interp ? { interpretation: interp } : {}) }, text, weight);
      } else {
        collector.add('gap', { ...base, kind: 'gap', message: 'no rule and no fallback covers these inputs' }, text, weight);
      }
      return;
    }
    if (inst.policy === 'unique' && matched.length > 1) {
      const ids = matched.map((r) => r.id).join(' + ');
      collector.add(`overlap|${ids}`, { ...base, kind: 'overlap', rule: ids, message: `rules ${matched.map((r) => `"${r.id}"`).join(' and ')} all match under hit policy unique` }, text, weight);
    }
    const chosen = inst.policy === 'first' ? [matched[0]!] : matched;
    for (const r of chosen) {
      const v = r.output(state);
      if (!onScale(inst, v)) collector.add(`novalue|${r.id}`, { ...base, kind: 'gap', rule: r.id, message: `rule "${r.id}" matches but gives no value on the scale "${inst.decision.scale}"` }, text, weight);
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
      collector.add(`interp|${r.id}`, { ...base, kind: 'interpretation-only', rule: r.id, interpretation: r.interpretation!, message: `decided only by rule "${r.id}", under interpretation "${r.interpretation}"` }, text, weight);
    }
  };

  const choice = new Array<number>(dims.length).fill(0);
  if (enumerate) {
    if (dims.length === 0) visit(choice);
    else {
      for (;;) {
        visit(choice);
        let i = dims.length - 1;
        while (i >= 0) {
          choice[i]!++;
          if (choice[i]! < dims[i]!.size) break;
          choice[i] = 0;
          i--;
        }
        if (i < 0) break;
      }
    }
  } else {
    // Corners first: every dimension at its first option, and at its last (for optional facts,
    // "not recorded"); then each dimension varied alone from each corner; then random points.
    // A dimension too large to vary through (a class of hundreds of criteria) is varied
    // through the options nearest each end: everything at one judgement but a few.
    const corners = [dims.map(() => 0), dims.map((d) => d.size - 1)];
    let budget = LIMITS.analysisSamples;
    for (const corner of corners) {
      if (budget <= 0) break;
      corner.forEach((v, i) => { choice[i] = v; });
      visit(choice); budget--;
      for (let i = 0; i < dims.length && budget > 0; i++) {
        for (const o of variedAlone(dims[i]!.size)) {
          if (o === corner[i]) continue;
          choice[i] = o;
          visit(choice);
          if (--budget <= 0) break;
        }
        choice[i] = corner[i]!;
      }
    }
    const rand = seededRandom(seedOf(inst.id));
    for (let k = 0; k < budget; k++) {
      for (let i = 0; i < dims.length; i++) choice[i] = Math.floor(rand() * dims[i]!.size);
      visit(choice);
    }
    notes.push(`too large: sampled ${points.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} points (more than the limit of ${LIMITS.maxAnalysisPoints.toLocaleString('en-GB')} to enumerate): the corners (everything at its first or last value, e.g. nothing recorded), each input varied alone from them, and random points were checked`);
  }

  const exhaustive = enumerate && dims.every((d: Dimension) => d.exhaustive);
  const findings = collector.findings();
  for (const r of inst.rules) {
    const qualifier = exhaustive ? '' : ` in the ${points.toLocaleString('en-GB')} points checked (not exhaustive)`;
    if (!matchedCount.get(r.id)) {
      findings.push({ ...base, kind: 'unreachable', rule: r.id, message: `rule "${r.id}" never matches${qualifier}`, count: 0, examples: [], more: 0 });
    } else if (inst.policy === 'first' && !chosenCount.get(r.id)) {
      findings.push({ ...base, kind: 'masked', rule: r.id, message: `rule "${r.id}" matches only where higher-priority rule(s) ${inst.rules.filter((x) => shadowedBy.get(r.id)?.has(x.id)).map((x) => `"${x.id}"`).join(', ')} already decide${qualifier}`, count: 0, examples: [], more: 0 });
    }
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
 * masked and unreachable rules, and cycles. Where a space is too large or unbounded it samples
 * and says so.
 * @example
 * const report = analyse(compilePack(pack));
 * report.summary.gap // 0
 */
export function analyse(c: CompiledPack, options: AnalyseOptions = {}): AnalysisReport {
  const started = performance.now();
  const decisions = c.instances.map((inst) => analyseInstance(c, inst, options));
  const cycles = findCycles(decisionDependencies(c.pack, pluginDeclarations(c.pack, c.extensions)));
  const summary: Record<FindingKind, number> = { gap: 0, 'fallback-only': 0, 'interpretation-only': 0, overlap: 0, masked: 0, unreachable: 0, cycle: cycles.length };
  for (const d of decisions) for (const f of d.findings) summary[f.kind]++;
  return {
    pack: { id: c.pack.metadata.id, version: c.pack.metadata.version, hash: c.hash },
    decisions,
    cycles,
    summary,
    complete: decisions.every((d) => d.exhaustive),
    millis: Math.round(performance.now() - started),
  };
}
