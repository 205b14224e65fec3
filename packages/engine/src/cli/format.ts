import type { PackError } from '../errors.js';
import type { Determination, Extensions, Pack } from '../types.js';
import { explainDetermination } from '../explain/explain-determination.js';
import { decisionInstanceWords } from '../language/wording.js';
import { scheduleTimingWords } from './schedule-timing-words.js';
import type { AnalysisReport } from '../analyse/analyse.js';
import type { OutcomesReport } from '../analyse/outcomes.js';
import type { CaseReport } from '../testing/run-cases.js';
import type { PackDiff } from '../diff/diff-packs.js';

/** Pack errors as lines: where (line/column or pointer), what, and the hint. */
export function formatErrors(source: string, errors: PackError[]): string {
  return errors.map((e) => {
    const file = e.file ?? source;
    const where = e.line !== undefined ? `${file}:${e.line}:${e.column}` : `${file}#${e.pointer || '/'}`;
    const pointer = e.line !== undefined && e.pointer ? `\n  at: ${e.pointer}` : '';
    return `${where}\n  error: ${e.message}${pointer}${e.hint ? `\n  hint: ${e.hint}` : ''}`;
  }).join('\n');
}

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') || '(none)' : v === undefined || v === null ? '(none)' : String(v));

/**
 * A determination for people: headline, its warnings, decisions, actions, schedule, scores, interpretations,
 * and why (its explanation in words, made from the pack it was made under; or a stored trace).
 */
export function formatDetermination(d: Determination, pack?: Pack, extensions?: Pick<Extensions, 'operatorDeclarations'>): string {
  const lines: string[] = [];
  lines.push(`Pack ${d.pack.id} ${d.pack.version} (${d.pack.hash.slice(0, 19)}...)`);
  lines.push(`Assessment of ${d.assessmentDate}, determined as of ${d.asOf}`);
  lines.push('', `Headline: ${d.headline.decision} = ${show(d.headline.value)}`);
  for (const w of d.warnings ?? []) lines.push(`WARNING: ${w.message}  [${w.citation}]`);
  lines.push('', 'Decisions:');
  const width = Math.max(...Object.keys(d.decisions).map((k) => k.length));
  for (const [k, v] of Object.entries(d.decisions)) lines.push(`  ${k.padEnd(width)}  ${show(v)}`);
  lines.push('', 'Actions:');
  if (!d.actions.length) lines.push('  (none)');
  for (const a of d.actions) lines.push(`  due ${a.due}  ${a.owner.padEnd(8)}  ${a.label}  [${a.source}]`);
  lines.push('', 'Schedule:');
  if (!d.schedule.length) lines.push('  (none)');
  for (const s of d.schedule) {
    lines.push(`  next ${s.nextDue}  ${scheduleTimingWords(s, pack)}  ${s.label}  [${s.source}]`);
  }
  if (Object.keys(d.scores).length) {
    lines.push('', 'Scores:');
    for (const [k, v] of Object.entries(d.scores)) lines.push(`  ${k}: ${v === null ? '(does not apply)' : v}`);
  }
  lines.push('', 'Interpretations relied on:');
  if (!d.interpretations.length) lines.push('  (none)');
  for (const i of d.interpretations) lines.push(`  ${i.id}: ${i.title}\n    ${i.note}`);
  const why = pack ? explainDetermination(pack, d, extensions) : d.trace ?? [];
  if (why.length) {
    lines.push('', 'Why:');
    let current = '';
    for (const t of why) {
      // A heading in words ("Domain rating: Safe"); a stored trace without its pack keeps the ids.
      if (t.decision !== current) { lines.push(`  ${pack ? decisionInstanceWords(pack, t.decision) : t.decision}`); current = t.decision; }
      lines.push(`    ${t.fired ? 'FIRED' : 'no   '} ${t.label ?? t.rule}${t.fired && t.output !== undefined ? ` -> ${show(t.output)}` : ''}${t.source ? `  [${t.source}]` : ''}`);
      for (const b of t.because) lines.push(`          ${b}`);
    }
  }
  return lines.join('\n');
}

/** An analysis report for people, decision by decision, findings with readable inputs. */
export function formatAnalysis(r: AnalysisReport, verbose = false): string {
  const lines: string[] = [];
  lines.push(`Analysis of ${r.pack.id} ${r.pack.version}: ${r.decisions.length} decisions in ${r.millis} ms; ${r.complete ? 'every input space enumerated exhaustively' : 'NOT complete: some input spaces were sampled (see notes)'}`);
  for (const d of r.decisions) {
    const findings = d.findings;
    if (!findings.length && !verbose && d.exhaustive) continue;
    lines.push('', `${d.decision} (${d.label}, hit policy ${d.hitPolicy}): ${d.points.toLocaleString('en-GB')} points, ${d.combinations.toLocaleString('en-GB')} input combinations, ${d.exhaustive ? 'exhaustive' : 'sampled'}`);
    if (verbose) lines.push(`  inputs: ${d.dimensions.join(', ') || '(none)'}`);
    for (const n of d.notes) lines.push(`  note: ${n}`);
    for (const f of findings) {
      lines.push(`  ${f.kind.toUpperCase()}: ${f.message}${f.count ? ` (${f.count.toLocaleString('en-GB')} combinations)` : ''}`);
      if (f.pointer) lines.push(`    at ${f.pointer}${f.maskedBy?.length ? `; masked by ${f.maskedBy.join(', ')}` : ''}`);
      for (const e of f.examples) lines.push(`    - ${e.inputs}${e.count > 1 ? `  (${e.count.toLocaleString('en-GB')})` : ''}`);
      if (f.varies) lines.push(`    (${f.varies})`);
      if (f.more) lines.push(`    ... and ${f.more} more groups of inputs`);
    }
  }
  if (r.outcomes) lines.push(...formatOutcomes(r.outcomes, verbose));
  const s = r.summary;
  lines.push('', `Summary: ${s.gap} gaps, ${s.overlap} overlaps, ${s.masked} masked and ${s.unreachable} unreachable rules or rows, ${s.cycle} cycles; ${s['fallback-only']} fallback-only and ${s['interpretation-only']} interpretation-only groups (holes in the documents the pack fills); outcomes: ${s['never-fires'] ?? 0} never firing, ${s['conflicting-schedule'] ?? 0} conflicting schedule pairs, ${s['always-fires'] ?? 0} firing always (a note).`);
  return lines.join('\n');
}

/** Case results: one line per case, failures indented, and the closing `N passed, N failed` line. */
export function formatCases(r: CaseReport): string {
  const lines = r.results.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.note}${c.accepted ? ` (expected value accepted by ${c.accepted.by} on ${c.accepted.on})` : ''}${c.failures.map((f) => `\n       ${f}`).join('')}`);
  lines.push(`${r.passed} passed, ${r.failed} failed`);
  return lines.join('\n');
}

/** A pack diff as one readable line per change. */
export function formatDiff(d: PackDiff): string {
  const head = `${d.from.id} ${d.from.version} -> ${d.to.id} ${d.to.version}: ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`;
  return [head, ...d.changes.map((c) => `  ${c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'} ${c.summary}`)].join('\n');
}


/** The outcomes part of an analysis: each finding, then (verbose) under which decision values each outcome fires. */
function formatOutcomes(o: OutcomesReport, verbose: boolean): string[] {
  const lines = ['', `Outcomes: ${o.outcomes.length} actions and schedule entries, ${o.exhaustive ? 'exhaustive' : 'some sampled (see notes)'}`];
  for (const n of o.notes) lines.push(`  note: ${n}`);
  for (const f of o.findings) {
    lines.push(`  ${f.kind.toUpperCase()}: ${f.message}${f.count ? ` (${f.count.toLocaleString('en-GB')} combinations)` : ''}`);
    for (const e of f.examples) lines.push(`    - ${e.inputs}${e.count > 1 ? `  (${e.count.toLocaleString('en-GB')})` : ''}`);
    if (f.varies) lines.push(`    (${f.varies})`);
    if (f.more) lines.push(`    ... and ${f.more} more groups of inputs`);
  }
  if (verbose) {
    for (const a of o.outcomes) {
      const when = a.firesWhen.map((w) => `${w.decision} ${w.any ? 'any value' : w.values.join(' or ') || '(never)'}`).join('; ');
      lines.push(`  ${a.of} ${a.outcome} (${a.label}): fires for ${a.fires.toLocaleString('en-GB')} of ${a.combinations.toLocaleString('en-GB')} combinations${when ? `; when ${when}` : ''}${a.exhaustive ? '' : ' (sampled)'}`);
    }
  }
  return lines;
}
