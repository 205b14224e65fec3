import type { Citation, Condition, Determination, Extensions, Pack, TraceEntry } from '../types.js';
import type { ExplanationEntry, LeafResult, LimitResult } from './explanation.js';
import { showValue } from '../compile/compile-condition.js';
import { expandDecisionTables } from '../language/decision-table.js';
import { indexPack, type PackIndex } from '../compile/pack-index.js';
import { conditionWords, type ConditionWords } from '../compile/condition-words.js';
import { citationText } from '../compile/citation-text.js';
import { literalOutput } from '../evaluate/decide-output.js';
import { decidedByWords } from '../language/human-decision.js';
import { interpretationTitle } from './interpretation-title.js';
import { isOrdered } from '../compile/pack-index.js';
import { bandUp } from './band-up.js';
import { bandedNextUp, bandedWords, numberWords } from './banded-next.js';
import { ownMember } from '../compile/own-member.js';

/** Why a rule whose conditions hold did not fire under `first`. */
const OVERRULED = 'its conditions hold, but a higher-priority rule decided first';

/** A pack prepared for reading explanations: expanded tables, its index, and each condition's words once. */
export interface ExplainedPack {
  pack: Pack;
  index: PackIndex;
  /** The words of a condition, compiled once, by the key `instance|rule` (or `action|id`, `schedule|id`). */
  words: (key: string, c: Condition, domainIndex: number) => ConditionWords;
}

const prepared = new WeakMap<Pack, ExplainedPack>();
/** Packs prepared with a plugin's operator declarations, per those declarations. */
const preparedWith = new WeakMap<object, WeakMap<Pack, ExplainedPack>>();

/**
 * A pack prepared for reading explanations, once per pack object (and plugin declarations):
 * `extensions` gives a plugin's operator declarations, so its operators read in their words (a
 * pack's own `extensions.operatorDeclarations` need no plugin).
 */
export function explainedPack(source: Pack, extensions?: Pick<Extensions, 'operatorDeclarations'>): ExplainedPack {
  const decls = extensions?.operatorDeclarations;
  const cache = decls ? (preparedWith.get(decls) ?? preparedWith.set(decls, new WeakMap()).get(decls)!) : prepared;
  let p = cache.get(source);
  if (p) return p;
  const pack = expandDecisionTables(source).pack;
  const index = indexPack(pack);
  const words = new Map<string, ConditionWords>();
  const wordsExtensions: Extensions = decls ? { operatorDeclarations: decls } : {};
  p = {
    pack, index,
    words: (key, c, domainIndex) => {
      let w = words.get(key);
      if (!w) { w = conditionWords(c, { index, extensions: wordsExtensions, domainIndex, countSlots: new Map() }); words.set(key, w); }
      return w;
    },
  };
  cache.set(source, p);
  return p;
}

/** Checks a determination was made under this pack (by id and version), or says which. */
function checkPack(pack: Pack, d: Determination): void {
  if (pack.metadata.id !== d.pack.id || pack.metadata.version !== d.pack.version) {
    throw new Error(`The determination was made under ${d.pack.id} ${d.pack.version}, not ${pack.metadata.id} ${pack.metadata.version}: explain it with that version of the pack.`);
  }
}

/**
 * A determination's explanation in words, one entry per rule considered (the words come from the
 * pack and the registry's wording, made here): from its explanation (format 3, or 2 as made before), or, for a
 * determination stored before, its `trace` as stored. Empty when it carries neither.
 * `extensions` gives a council plugin's operator declarations, so its operators read in their declared words.
 * @example explainDetermination(pack, evaluate(compiled, assessment, { explain: true })).filter((t) => t.fired)
 */
export function explainDetermination(pack: Pack, d: Determination, extensions?: Pick<Extensions, 'operatorDeclarations'>): TraceEntry[] {
  if (!d.explanation) return d.trace ?? [];
  checkPack(pack, d);
  const p = explainedPack(pack, extensions);
  const out: TraceEntry[] = [];
  for (const e of d.explanation.entries) entryWords(p, d, e, out);
  return out;
}

function lines(w: ConditionWords, leaves: readonly LeafResult[]): { ok: boolean; because: string[] } {
  const because: string[] = [];
  const ok = w.lines(leaves, 0, because, '');
  return { ok, because };
}

function entryWords(p: ExplainedPack, d: Determination, e: ExplanationEntry, out: TraceEntry[]): void {
  if (e.kind === 'action' || e.kind === 'schedule' || e.kind === 'warning') {
    const list: { id: string; when: Condition; source: Citation; label?: string; message?: string }[] | undefined = e.kind === 'action' ? p.pack.outcomes.actions : e.kind === 'schedule' ? p.pack.outcomes.schedule : p.pack.outcomes.warnings;
    const def = list?.find((x) => x.id === e.of);
    if (!def) return;
    const { because } = lines(p.words(`${e.kind}|${e.of}`, def.when, -1), e.conditions);
    out.push({ decision: e.kind === 'action' ? 'actions' : e.kind === 'schedule' ? 'schedule' : 'warnings', rule: e.of, label: def.label ?? def.message, fired: e.fired === true, because, source: citationText(def.source) });
    return;
  }
  if (e.kind === 'limit') { limitWords(p, e, out); return; }
  if (e.kind === 'person') { personWords(p, d, e.of, out); return; }
  if (e.kind !== 'decision') return;
  const inst = p.index.instancesById.get(e.of);
  if (!inst) return;
  const decision = inst.decision;
  for (const r of e.rules) {
    const rule = decision.rules!.find((x) => x.id === r.rule);
    if (!rule) continue;
    const words = lines(p.words(`${e.of}|${r.rule}`, rule.when, inst.domainIndex), r.conditions);
    const fired = r.fired === true;
    const because = !fired && words.ok && decision.hitPolicy === 'first' ? [OVERRULED] : words.because;
    if (fired && r.banded !== undefined) because.push(...bandWords(p, d, e.of, r.banded, r.output));
    const output = r.output !== undefined ? r.output : literalOutput(rule.output) ? rule.output : undefined;
    const label = rule.label ?? rule.id;
    const source = citationText(rule.source);
    out.push(output !== undefined
      ? { decision: e.of, rule: r.rule, label, fired, output, because, source }
      : { decision: e.of, rule: r.rule, label, fired, because, source });
  }
  const fb = decision.fallback;
  if (e.fallback && fb) {
    out.push({
      decision: e.of, rule: 'fallback', label: fb.label ?? 'fallback', fired: true, output: ownMember(d.decisions, e.of),
      because: [`no rule matched, so the fallback applies${fb.interpretation ? ` (interpretation: ${interpretationTitle(p.pack, fb.interpretation)})` : ''}`],
      source: citationText(fb.source ?? decision.source),
    });
  }
}

/** For a band rule that fired: the number banded, and what it would take to reach the next band up (or that it is the top band). */
function bandWords(p: ExplainedPack, d: Determination, of: string, banded: number, band: unknown): string[] {
  const inst = p.index.instancesById.get(of);
  const scale = inst ? ownMember(p.pack.scales, inst.decision.scale) : undefined;
  const next = isOrdered(scale) && typeof band === 'string' ? bandUp(scale, band) : undefined;
  const b = bandedNextUp(p, d, of, next);
  return b ? bandedWords(b) : [`the number banded was ${numberWords(banded, false)}, in the band ${String(band)}${next === undefined ? ', the top band' : ''}`];
}

/** A limiter's words: its condition, and whether it capped the value. */
function limitWords(p: ExplainedPack, e: LimitResult, out: TraceEntry[]): void {
  const inst = p.index.instancesById.get(e.of);
  const l = inst?.decision.limits?.find((x) => x.id === e.limit);
  if (!inst || !l) return;
  const { ok, because } = lines(p.words(`${e.of}|limit|${e.limit}`, l.when, inst.domainIndex), e.conditions);
  if (e.fired) because.push(`so ${showValue(e.capped)} is capped: it cannot be above ${showValue(l.atMost)}`);
  else if (ok) because.push(`the value is not above ${showValue(l.atMost)} (or another limiter capped it lower first)`);
  out.push({ decision: e.of, rule: l.id, label: l.label ?? l.id, fired: e.fired, output: l.atMost, because, source: citationText(l.source) });
}

/** A person's decision: recorded (by whom, when, why, and what the rules gave), or proposed (who decides, by when). */
function personWords(p: ExplainedPack, d: Determination, of: string, out: TraceEntry[]): void {
  const decision = p.index.instancesById.get(of)?.decision;
  if (!decision) return;
  const taken = ownMember(d.decidedBy, of);
  const by = decision.decidedBy;
  const source = by ? citationText(by.source) : undefined;
  if (taken) {
    out.push({
      decision: of, rule: taken.kind === 'decision' ? 'decided-by' : 'override', label: taken.kind === 'decision' && by ? `decided by ${by.label}` : 'overridden by an officer', fired: true, output: taken.value,
      because: [`recorded by ${taken.by} on ${taken.at}${taken.reason ? `: ${taken.reason}` : ''}`, `the rules gave ${showValue(taken.computed)}`, ...(taken.secondBy ? [`confirmed by ${taken.secondBy}`] : [])],
      ...(source ? { source } : {}),
    });
    return;
  }
  const proposal = d.proposals?.find((x) => x.decision === of);
  if (!proposal || !by) return;
  out.push({
    decision: of, rule: 'proposal', label: `proposed; ${decidedByWords(by.label)}`, fired: true, output: proposal.proposed,
    because: [`${decidedByWords(by.label, proposal.due)}; until then the pack reads ${proposal.meanwhile === 'undecided' ? 'no value (undecided)' : 'the proposed value'}`],
    ...(source ? { source } : {}),
  });
}
