import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AssessmentError, EvaluationError } from '../errors.js';
import type { Pack } from '../types.js';
import { validatePack } from '../schema/validate-pack.js';
import { parseJson } from '../schema/parse-json.js';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { analyse } from '../analyse/analyse.js';
import { runCases } from '../testing/run-cases.js';
import { boundaryCoverage, type LeftUncoveredSide } from '../testing/boundary-coverage.js';
import { formatBoundaryCoverage } from '../testing/format-boundaries.js';
import { LEFT_UNCOVERED_FILE, readLeftUncovered } from '../testing/left-uncovered.js';
import { diffPacks } from '../diff/diff-packs.js';
import { loadPack, type LoadedPack } from './load-pack.js';
import { formatAnalysis, formatCases, formatDetermination, formatDiff, formatErrors } from './format.js';
import { newCouncil } from './new-council.js';
import { NEW_CASES_FILE, writePackFolder } from '../source/write-pack-folder.js';
import { importCriteriaCsv } from '../source/criteria-csv.js';

/** Exit codes: success, invalid input / failing cases / findings under --strict, usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE = `qaf: OpenQAF rule packs from the command line

Usage:
  qaf validate <pack> [--json]
  qaf evaluate <pack> <assessment.json> [--explain] [--as-of YYYY-MM-DD] [--json]
  qaf test <pack> [--json]
  qaf analyse <pack> [--json] [--strict] [--verbose]
  qaf coverage <pack> --boundaries [--json] [--strict] [--left-uncovered <file>]
  qaf diff <packA> <packB> [--json]
  qaf split <pack> <folder>
  qaf criteria import <pack> <criteria.csv>
  qaf new-council <slug> --name "<Council name>" [--dir <repo root>]

<pack> is a pack folder (pack.json and cases/*.json), a bundled pack JSON file, or an
installed council plugin's id (e.g. birmingham).
coverage --boundaries lists every number, ordered-scale value ("at least Good") and date ("more
than 3 months after the notice") the pack compares a fact with, its sides (below / at or above,
...; before / on or after a date) and the cases whose value sits on each side's edge (the next
value on the scale, the day before or after); sides left without a case on
purpose are read, with their reasons, from --left-uncovered or the pack folder's
left-uncovered-boundaries.json. --strict fails on a side neither covered nor left for a reason.
criteria import replaces the framework's criteria with a CSV list (header row: id, wording,
domain, standard, mandatory, advanced; mandatory and advanced are yes or no) and writes the pack
back, or names every bad row by line and column and changes nothing.
Exit status: 0 success; 1 invalid input, failing cases, or findings (or uncovered sides) with
--strict; 2 usage.`;

/** Output sinks, so tests can capture what the CLI prints. */
export interface Io { out: (s: string) => void; err: (s: string) => void; cwd: string }

interface Args { positional: string[]; flags: Map<string, string | true> }

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set(['--as-of', '--name', '--dir', '--left-uncovered']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags.set(k, v);
      else if (valued.has(k)) { const next = argv[++i]; if (next === undefined) throw new UsageError(`${k} needs a value`); flags.set(k, next); }
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

class UsageError extends Error {}

const KNOWN_FLAGS: Record<string, string[]> = {
  validate: ['--json'], evaluate: ['--explain', '--as-of', '--json'], test: ['--json'],
  analyse: ['--json', '--strict', '--verbose'], analyze: ['--json', '--strict', '--verbose'], diff: ['--json'],
  coverage: ['--boundaries', '--json', '--strict', '--left-uncovered'], split: [], criteria: [], 'new-council': ['--name', '--dir'],
};

async function loadValid(ref: string, io: Io, json: boolean): Promise<{ loaded: LoadedPack; pack: Pack } | undefined> {
  const loaded = await loadPack(ref, io.cwd);
  if (loaded.errors.length) { report(io, json, loaded.source, loaded.errors); return undefined; }
  const v = validatePack(loaded.value, loaded.extensions ? { extensions: loaded.extensions } : {});
  if (!v.valid) { report(io, json, loaded.source, loaded.locateErrors(v.errors)); return undefined; }
  return { loaded, pack: v.pack! };
}

function report(io: Io, json: boolean, source: string, errors: import('../errors.js').PackError[]): void {
  if (json) io.out(JSON.stringify({ valid: false, source, errors }, null, 2));
  else io.err(`${formatErrors(source, errors)}\n${errors.length} error${errors.length === 1 ? '' : 's'} in ${source}`);
}

/** `qaf criteria import`: the CSV's criteria into the pack (folder or bundled file), then its validation. */
async function importCriteria(ref: string, csvPath: string, io: Io): Promise<number> {
  const loaded = await loadPack(ref, io.cwd);
  if (loaded.errors.length) { report(io, false, loaded.source, loaded.errors); return EXIT.failed; }
  const bundle = loaded.value;
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) { io.err(`${loaded.source}: a pack is a JSON object.`); return EXIT.failed; }
  let text: string;
  try { text = readFileSync(resolve(io.cwd, csvPath), 'utf8'); } catch { io.err(`Cannot read criteria file "${csvPath}".`); return EXIT.failed; }
  const r = importCriteriaCsv(bundle as Record<string, unknown>, text);
  if (!r.ok) {
    io.err(`${r.problems.map((p) => `${csvPath}:${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`).join('\n')}\n${r.problems.length} problem(s) in ${csvPath}; ${loaded.source} is unchanged.`);
    return EXIT.failed;
  }
  if (statSync(loaded.source).isDirectory()) writePackFolder(r.pack, loaded.source);
  else writeFileSync(loaded.source, `${JSON.stringify(r.pack, null, 2)}\n`);
  io.out([`Loaded ${r.criteria} criteria into ${loaded.source}:`,
    ...r.domains.map((d) => `  ${d.domain}: ${d.criteria} criteria, ${d.mandatory} mandatory, ${d.advanced} advanced`),
    ...(r.parameters.length ? ['Counting parameters set to the new counts:',
      ...r.parameters.map((p) => `  ${p.parameter}${p.domain ? ` (${p.domain})` : ''}: ${JSON.stringify(p.from)} -> ${p.to}`)] : [])].join('\n'));
  const v = validatePack(r.pack, loaded.extensions ? { extensions: loaded.extensions } : {});
  if (v.valid) return EXIT.ok;
  io.err(`${formatErrors(loaded.source, v.errors)}\nThe pack is not valid with these criteria: ${v.errors.length} error(s) to fix in ${loaded.source}.`);
  return EXIT.failed;
}

/** The sides a pack leaves uncovered: from `--left-uncovered`, else its folder's file when it has one, else none. */
function readLeftUncoveredFor(source: string, flag: string | true | undefined, cwd: string): LeftUncoveredSide[] {
  if (flag === true) throw new UsageError('--left-uncovered needs a file');
  const file = flag !== undefined ? resolve(cwd, flag) : statSync(source).isDirectory() ? join(source, LEFT_UNCOVERED_FILE) : undefined;
  if (file === undefined || (flag === undefined && !existsSync(file))) return [];
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { throw new Error(`Cannot read the left-uncovered file "${flag ?? file}".`); }
  return readLeftUncovered(text, flag ?? file);
}

/** Runs the CLI with arguments (without `node qaf`); returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let args: Args;
  try { args = parseArgs(argv); } catch (e) { io.err(`${(e as Error).message}\n\n${USAGE}`); return EXIT.usage; }
  const [command, ...rest] = args.positional;
  if (!command || args.flags.has('--help')) { (command ? io.out : io.err)(USAGE); return command ? EXIT.ok : EXIT.usage; }
  const known = KNOWN_FLAGS[command];
  if (!known) { io.err(`Unknown command "${command}".\n\n${USAGE}`); return EXIT.usage; }
  for (const f of args.flags.keys()) if (!known.includes(f)) { io.err(`Unknown option ${f} for "${command}".\n\n${USAGE}`); return EXIT.usage; }
  const json = args.flags.has('--json');
  const need = (n: number): void => { if (rest.length !== n) throw new UsageError(`"${command}" takes ${n} argument${n === 1 ? '' : 's'}, got ${rest.length}.`); };
  try {
    switch (command) {
      case 'validate': {
        need(1);
        const loaded = await loadPack(rest[0]!, io.cwd);
        if (loaded.errors.length) { report(io, json, loaded.source, loaded.errors); return EXIT.failed; }
        const v = validatePack(loaded.value, loaded.extensions ? { extensions: loaded.extensions } : {});
        if (!v.valid) { report(io, json, loaded.source, loaded.locateErrors(v.errors)); return EXIT.failed; }
        const p = v.pack!;
        const warnings = loaded.locateErrors(v.warnings);
        if (json) io.out(JSON.stringify({ valid: true, source: loaded.source, warnings }, null, 2));
        else {
          for (const w of warnings) io.err(`warning: ${w.file ? `${w.file}:${w.line}:${w.column} ` : ''}${w.pointer}: ${w.message}`);
          io.out(`${loaded.source}: valid (${p.metadata.id} ${p.metadata.version}, ${Object.keys(p.decisions).length} decisions, ${p.cases?.length ?? 0} cases)`);
        }
        return EXIT.ok;
      }
      case 'evaluate': {
        need(2);
        const ok = await loadValid(rest[0]!, io, json);
        if (!ok) return EXIT.failed;
        let text: string;
        try { text = readFileSync(resolve(io.cwd, rest[1]!), 'utf8'); } catch { io.err(`Cannot read assessment file "${rest[1]}".`); return EXIT.failed; }
        const parsed = parseJson(text, 'assessment');
        if (!parsed.ok) { report(io, json, rest[1]!, parsed.errors); return EXIT.failed; }
        const asOf = args.flags.get('--as-of');
        if (asOf === true) throw new UsageError('--as-of needs a date');
        const compiled = compilePack(ok.pack, ok.loaded.extensions ? { extensions: ok.loaded.extensions } : {});
        try {
          const d = evaluate(compiled, parsed.value, { explain: args.flags.has('--explain'), ...(asOf ? { asOf } : {}) });
          io.out(json ? JSON.stringify(d, null, 2) : formatDetermination(d, compiled.pack, ok.loaded.extensions));
          return EXIT.ok;
        } catch (e) {
          if (e instanceof AssessmentError) {
            if (json) io.out(JSON.stringify({ error: 'invalid-assessment', errors: e.errors }, null, 2));
            else io.err(`${rest[1]}: the assessment is invalid\n${e.errors.map((p) => `  ${p.fact} (${p.pointer || '/'}): ${p.message}`).join('\n')}`);
            return EXIT.failed;
          }
          if (e instanceof EvaluationError) { io.err(`Evaluation failed: ${e.message}`); return EXIT.failed; }
          throw e;
        }
      }
      case 'test': {
        need(1);
        const ok = await loadValid(rest[0]!, io, json);
        if (!ok) return EXIT.failed;
        const r = runCases(compilePack(ok.pack, ok.loaded.extensions ? { extensions: ok.loaded.extensions } : {}));
        io.out(json ? JSON.stringify({ passed: r.passed, failed: r.failed, results: r.results.map(({ determination: _d, ...x }) => x) }, null, 2) : formatCases(r));
        return r.failed ? EXIT.failed : EXIT.ok;
      }
      case 'analyse':
      case 'analyze': {
        need(1);
        const ok = await loadValid(rest[0]!, io, json);
        if (!ok) return EXIT.failed;
        const r = analyse(compilePack(ok.pack, ok.loaded.extensions ? { extensions: ok.loaded.extensions } : {}));
        io.out(json ? JSON.stringify(r, null, 2) : formatAnalysis(r, args.flags.has('--verbose')));
        const s = r.summary;
        const blocking = s.gap + s.overlap + s.masked + s.unreachable + s.cycle;
        return args.flags.has('--strict') && blocking > 0 ? EXIT.failed : EXIT.ok;
      }
      case 'coverage': {
        need(1);
        if (!args.flags.has('--boundaries')) throw new UsageError('coverage needs the kind of coverage: --boundaries.');
        const ok = await loadValid(rest[0]!, io, json);
        if (!ok) return EXIT.failed;
        const leftUncovered = readLeftUncoveredFor(ok.loaded.source, args.flags.get('--left-uncovered'), io.cwd);
        const r = boundaryCoverage(ok.pack, ok.pack.cases ?? [], { ...(ok.loaded.extensions ? { extensions: ok.loaded.extensions } : {}), leftUncovered });
        io.out(json ? JSON.stringify(r, null, 2) : formatBoundaryCoverage(r, ok.pack));
        return args.flags.has('--strict') && (r.summary.uncovered > 0 || r.staleLeftUncovered.length > 0) ? EXIT.failed : EXIT.ok;
      }
      case 'diff': {
        need(2);
        const a = await loadValid(rest[0]!, io, json);
        const b = await loadValid(rest[1]!, io, json);
        if (!a || !b) return EXIT.failed;
        const d = diffPacks(a.pack, b.pack);
        io.out(json ? JSON.stringify(d, null, 2) : formatDiff(d));
        return EXIT.ok;
      }
      case 'split': {
        need(2);
        const loaded = await loadPack(rest[0]!, io.cwd);
        if (loaded.errors.length) { report(io, false, loaded.source, loaded.errors); return EXIT.failed; }
        const bundle = loaded.value;
        if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) { io.err(`${loaded.source}: a pack is a JSON object.`); return EXIT.failed; }
        const dir = resolve(io.cwd, rest[1]!);
        const w = writePackFolder(bundle as Record<string, unknown>, dir);
        io.out([`Wrote ${dir}: ${w.written.join(', ')}`, ...(w.removed.length ? [`Removed (no case left): ${w.removed.join(', ')}`] : []),
          ...(w.newCases.length ? [`${w.newCases.length} case(s) no case file held are in cases/${NEW_CASES_FILE}: ${w.newCases.join(', ')}; move them to a topic file.`] : [])].join('\n'));
        return EXIT.ok;
      }
      case 'criteria': {
        need(3);
        if (rest[0] !== 'import') throw new UsageError(`Unknown criteria command "${rest[0]}"; use "criteria import <pack> <criteria.csv>".`);
        return await importCriteria(rest[1]!, rest[2]!, io);
      }
      case 'new-council': {
        need(1);
        const name = args.flags.get('--name');
        if (typeof name !== 'string' || !name.trim()) throw new UsageError('new-council needs --name "<Council name>"');
        const dir = args.flags.get('--dir');
        const created = newCouncil({ slug: rest[0]!, name, root: typeof dir === 'string' ? dir : io.cwd });
        io.out(`Created ${created.dir}\n${created.files.map((f) => `  ${f}`).join('\n')}\nNext: pnpm install, then qaf validate ${rest[0]} and qaf test ${rest[0]}.`);
        return EXIT.ok;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) { io.err(`${e.message}\n\n${USAGE}`); return EXIT.usage; }
    io.err(`qaf: ${(e as Error).message}`);
    return EXIT.failed;
  }
  return EXIT.usage;
}
