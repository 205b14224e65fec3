import { escapePointer } from '../schema/parse-json.js';
import { citationText } from './citation-text.js';
import { PackValidationError, type AssessmentProblem } from '../errors.js';
import type { Decision, DeterminationScheduleEntry, Expression, Extensions, HitPolicy, Pack } from '../types.js';
import { bandedNumber } from '../explain/banded-number.js';
import { packHash } from '../hash.js';
import { validatePack } from '../schema/validate-pack.js';
import { compileAssessmentCheck } from '../evaluate/assessment-schema.js';
import type { EvalState, Getter } from './eval-state.js';
import { SCHEDULE_FORMS } from '../language/registry.js';
import { expandDecisionTables } from '../language/decision-table.js';
import type { CompiledLimit } from '../language/limits.js';
import { pluginDeclarations } from '../language/plugin-declaration.js';
import { compileOffset, type CompiledOffset } from './compile-offset.js';
import { takesRecordedDecision } from '../language/human-decision.js';
import { compileCondition, type CompiledCondition } from './compile-condition.js';
import { compileExpression } from './compile-expression.js';
import type { CompileScope } from './compile-fact.js';
import { decisionDependencies, topologicalOrder } from './decision-graph.js';
import { indexPack, type DecisionInstance, type PackIndex } from './pack-index.js';
import { literalOutput } from '../evaluate/decide-output.js';
import { propertyKey } from './property-key.js';
import { decideValueOf, type DecideValue, type Instance } from '../evaluate/decide-value.js';

export { citationText };

/** One compiled rule of a decision instance. */
export interface CompiledRule {
  id: string;
  label: string;
  priority: number;
  when: CompiledCondition;
  output: Getter;
  interpretation?: string;
  source: string;
  /** Position of the rule in the pack's rule list. */
  position: number;
  /** True when the pack writes the output as an expression, not a literal: an explanation gives its value. */
  computedOutput: boolean;
  /** For a `band` output, the number it bands: read only to explain (the explanation records it). */
  banded?: Getter;
}

/** One compiled decision instance (a decision, or one domain's instance of it). */
export interface CompiledInstance {
  id: string;
  /** Index into the state's `values`. */
  slot: number;
  decisionId: string;
  decision: Decision;
  instance: DecisionInstance;
  policy: HitPolicy;
  /** Rules in evaluation order (by priority for `first`). */
  rules: CompiledRule[];
  fallback?: { output: Getter; interpretation?: string; source: string; label: string };
  /** Value -> rank when the decision is on an ordered scale. */
  ranks?: ReadonlyMap<string, number>;
  /** Its limiters (`language/limits.ts`), when it has any. */
  limits?: CompiledLimit[];
  numeric?: { min: number; max: number; integer?: boolean };
  /** A person takes this decision (`decidedBy`): its source as text and when it is due. */
  decidedBy?: { source: string; within?: CompiledOffset };
  /** The lowest value an override may give without a second person (`override.secondPersonWhenBelow`). */
  overrideFloor?: Getter;
  /** Its value without an explanation, by its hit policy (`evaluate/decide-value.ts`), chosen at compile time. */
  decide: DecideValue;
  /**
   * True when a person takes it or an officer may override it (`decidedBy`, `override`): only
   * then may an assessment record a decision for it, and only then does an evaluation look for one.
   */
  takesRecordedDecision?: true;
}

export interface CompiledAction {
  id: string; label: string; owner: string; when: CompiledCondition; source: string; interpretation?: string;
  /** The due date from a date (`from`, else the assessment date); undefined: due on the assessment date. */
  due: CompiledOffset | undefined;
}

export interface CompiledWarning {
  id: string; message: string; when: CompiledCondition; citation: string; interpretation?: string;
}

export interface CompiledScheduleEntry {
  id: string; activity: string; label: string; when: CompiledCondition; source: string; interpretation?: string;
  /** The determination's entry (when it is next due, how often) from a date, by its schedule form; undefined: not scheduled. */
  timing: (s: EvalState, from: string) => DeterminationScheduleEntry | undefined;
  from?: Getter;
}

export interface CompiledScore {
  id: string; label: string; when?: CompiledCondition; value: Getter; source: string; interpretation?: string;
}

/** A validated pack compiled for fast evaluation; reuse it for every assessment. */
export interface CompiledPack {
  /** The pack, with its decision tables compiled to rules (the hash is of the pack as written). */
  pack: Pack;
  hash: string;
  index: PackIndex;
  extensions: Extensions;
  /** Every decision instance, in the pack's order (the determination's order). */
  instances: CompiledInstance[];
  /** Slots in evaluation order (each after what it uses). */
  order: CompiledInstance[];
  actions: CompiledAction[];
  warnings: CompiledWarning[];
  schedule: CompiledScheduleEntry[];
  scores: CompiledScore[];
  headline: CompiledInstance;
  /**
   * Checks an assessment; when `ranks` is given, also writes each judgement's rank into it.
   * `recordedEarlier`: the recorded decisions taken before now (`EvaluateOptions.recordedEarlier`).
   */
  checkAssessment: (a: unknown, ranks?: number[], recordedEarlier?: readonly string[]) => AssessmentProblem[];
  /** Number of distinct criteria counts (size of the state's count cache). */
  countSlots: number;
  /** Judgement value -> rank on the judgement scale. */
  judgementRanks: ReadonlyMap<string, number>;
  /** True when some decision is taken by a person or may be overridden (`decidedBy`, `override`). */
  takesRecordedDecisions: boolean;
}

/** Options of {@link compilePack}. */
export interface CompileOptions {
  /** The council plugin's operators and facts. */
  extensions?: Extensions;
  /**
   * The hash determinations cite, when the pack was stored under one: a version published
   * before the hash covered only the rules keeps citing its stored (whole-bundle) hash, so
   * its determinations stay byte-identical. Default: {@link packHash} of the pack.
   */
  hash?: string;
}

/**
 * Validates and compiles a pack. Throws `PackValidationError` with every problem when the
 * pack is invalid.
 * @example
 * const compiled = compilePack(plugin.pack, { extensions: plugin.extensions });
 * const determination = evaluate(compiled, assessment);
 */
export function compilePack(source: Pack, opts: CompileOptions = {}): CompiledPack {
  const extensions = opts.extensions ?? {};
  const result = validatePack(source, { extensions });
  if (!result.valid) throw new PackValidationError(result.errors);
  // Decision tables become ordinary rules here; the hash is of the pack as written.
  const pack = expandDecisionTables(source).pack;
  for (const op of pack.extensions?.operators ?? []) if (!extensions.operators?.[op]) throw new PackValidationError([{ code: 'extension.missing', pointer: '/extensions/operators', message: `The pack uses operator "${op}" but no plugin supplies it.`, hint: 'Compile with the council plugin\'s extensions.' }]);
  for (const f of pack.extensions?.facts ?? []) if (!extensions.facts?.[f]) throw new PackValidationError([{ code: 'extension.missing', pointer: '/extensions/facts', message: `The pack uses fact "${f}" but no plugin supplies it.`, hint: 'Compile with the council plugin\'s extensions.' }]);
  const index = indexPack(pack);
  const countSlots = new Map<string, number>();
  const instances = index.instances.map((inst, slot) => compileInstance(inst, slot, { index, extensions, domainIndex: inst.domainIndex, countSlots, where: inst.id }));
  const byDecision = new Map<string, CompiledInstance[]>();
  for (const ci of instances) byDecision.set(ci.decisionId, [...(byDecision.get(ci.decisionId) ?? []), ci]);
  const order = topologicalOrder(decisionDependencies(pack, pluginDeclarations(pack, extensions))).flatMap((id) => byDecision.get(id) ?? []);
  const top: CompileScope = { index, extensions, domainIndex: -1, countSlots };
  const actions: CompiledAction[] = (pack.outcomes.actions ?? []).map((a, i) => ({
    id: a.id, label: a.label, owner: a.owner, when: compileCondition(a.when, top), source: citationText(a.source),
    ...(a.interpretation ? { interpretation: a.interpretation } : {}),
    due: compileOffset(a.due, top, `/outcomes/actions/${i}/due`),
  }));
  for (const ci of instances) {
    const within = ci.decision.decidedBy?.within;
    if (within) ci.decidedBy!.within = compileOffset(within, top, `/decisions/${escapePointer(ci.decisionId)}/decidedBy/within`);
  }
  const schedule: CompiledScheduleEntry[] = (pack.outcomes.schedule ?? []).map((s, i) => {
    const form = SCHEDULE_FORMS.find((f) => s[f.key] !== undefined);
    return {
      id: s.id, activity: s.activity, label: s.label, when: compileCondition(s.when, top), source: citationText(s.source),
      ...(s.interpretation ? { interpretation: s.interpretation } : {}),
      timing: form ? form.compile(s, (e) => compileExpression(e, top, undefined, `/outcomes/schedule/${i}/${form.key}`), { id: s.id, activity: s.activity, label: s.label, source: citationText(s.source) }) : () => undefined,
      ...(s.from !== undefined ? { from: compileExpression(s.from, top, undefined, `/outcomes/schedule/${i}/from`) } : {}),
    };
  });
  const warnings: CompiledWarning[] = (pack.outcomes.warnings ?? []).map((w) => ({
    id: w.id, message: w.message, when: compileCondition(w.when, top), citation: citationText(w.source),
    ...(w.interpretation ? { interpretation: w.interpretation } : {}),
  }));
  const scores: CompiledScore[] = (pack.outcomes.scores ?? []).map((s, i) => ({
    id: s.id, label: s.label, value: compileExpression(s.value, top, undefined, `/outcomes/scores/${i}/value`), source: citationText(s.source),
    ...(s.when ? { when: compileCondition(s.when, top) } : {}),
    ...(s.interpretation ? { interpretation: s.interpretation } : {}),
  }));
  return {
    pack, hash: opts.hash ?? packHash(source), index, extensions, instances, order, actions, warnings, schedule, scores,
    headline: byDecision.get(pack.outcomes.headline)![0]!,
    checkAssessment: compileAssessmentCheck(index),
    countSlots: countSlots.size,
    judgementRanks: index.judgementScale ? index.ranks.get(index.judgementScale) ?? new Map() : new Map(),
    takesRecordedDecisions: instances.some((i) => takesRecordedDecision(i.decision)),
  };
}

/** `{ banded }` for a rule whose output is a band expression, else nothing. */
function bandedOf(output: Expression, scope: CompileScope, pointer: string): { banded?: Getter } {
  const banded = bandedNumber(output, scope, pointer);
  return banded ? { banded } : {};
}

function compileInstance(inst: DecisionInstance, slot: number, scope: CompileScope): CompiledInstance {
  const d = inst.decision;
  const rules: CompiledRule[] = (d.rules ?? []).map((r, position) => ({
    id: r.id,
    label: r.label ?? r.id,
    priority: r.priority ?? 0,
    when: compileCondition(r.when, scope, `/decisions/${escapePointer(inst.decisionId)}/rules/${position}/when`),
    output: compileExpression(r.output, scope, d.scale, `/decisions/${escapePointer(inst.decisionId)}/rules/${position}/output`),
    source: citationText(r.source),
    position,
    computedOutput: !literalOutput(r.output),
    ...(bandedOf(r.output, scope, `/decisions/${escapePointer(inst.decisionId)}/rules/${position}/output`)),
    ...(r.interpretation ? { interpretation: r.interpretation } : {}),
  }));
  if (d.hitPolicy === 'first') rules.sort((a, b) => b.priority - a.priority || a.position - b.position);
  const scale = scope.index.scales.get(d.scale);
  const limits: CompiledLimit[] = (d.limits ?? []).map((l, i) => ({
    id: l.id, label: l.label ?? l.id, atMost: l.atMost, source: citationText(l.source),
    when: compileCondition(l.when, scope, `/decisions/${escapePointer(inst.decisionId)}/limits/${i}/when`),
    ...(l.interpretation ? { interpretation: l.interpretation } : {}),
  }));
  const compiled: Instance = {
    id: propertyKey(inst.id), slot, decisionId: inst.decisionId, decision: d, instance: inst, policy: d.hitPolicy, rules,
    ...(d.fallback ? {
      fallback: {
        output: compileExpression(d.fallback.output, scope, d.scale, `/decisions/${escapePointer(inst.decisionId)}/fallback/output`),
        source: citationText(d.fallback.source ?? d.source),
        label: d.fallback.label ?? 'fallback',
        ...(d.fallback.interpretation ? { interpretation: d.fallback.interpretation } : {}),
      },
    } : {}),
    ...(scope.index.ranks.has(d.scale) ? { ranks: scope.index.ranks.get(d.scale)! } : {}),
    ...(scale && 'numeric' in scale ? { numeric: scale.numeric } : {}),
    ...(limits.length ? { limits } : {}),
    ...(d.decidedBy ? { decidedBy: { source: citationText(d.decidedBy.source) } } : {}),
    ...(d.override?.secondPersonWhenBelow !== undefined ? { overrideFloor: compileExpression(d.override.secondPersonWhenBelow, scope, d.scale, `/decisions/${escapePointer(inst.decisionId)}/override/secondPersonWhenBelow`) } : {}),
  };
  return { ...compiled, decide: decideValueOf(compiled), ...(takesRecordedDecision(d) ? { takesRecordedDecision: true as const } : {}) };
}

