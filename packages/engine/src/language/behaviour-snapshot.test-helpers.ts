import { createHash } from 'node:crypto';
import { compilePack } from '../compile/compile-pack.js';
import { createAjv } from '../schema/validate-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { caseAssessment } from '../testing/run-cases.js';
import { randomAssessment, seededRandom, type Random } from '../reference/random-assessment.js';
import { validatePack } from '../schema/validate-pack.js';
import { packSchema } from '../schema/pack-schema.js';
import { diffPacks } from '../diff/diff-packs.js';
import { canonicalJson } from '../canonical-json.js';
import type { CustomFact, Determination, Extensions, Pack } from '../types.js';
import { explainDetermination } from '../explain/explain-determination.js';

/** Random assessments per pack (four packs: the example and the three councils). */
export const RANDOM_PER_PACK = 300;
/** Mutated packs per pack whose validation results are recorded. */
export const MUTATIONS_PER_PACK = 150;

/**
 * A stand-in for Herefordshire's plugin fact `monthsAfter` (the engine does not depend on the
 * council package): the named date fact itself. The snapshot compares the engine before and after
 * a change with the same plugin, so what the plugin computes does not matter, only that it is fixed.
 */
const monthsAfterStandIn: CustomFact = (params, facts) => {
  const v = facts[String(params.date)];
  return typeof v === 'string' ? v : undefined;
};

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** What one evaluation gave, as a short hash: the determination with its trace, or the error. */
function outcome(run: () => unknown): string {
  try {
    const d = run() as { pack: { hash: string } };
    // The pack hash is another concern (hash.ts); the snapshot pins everything else.
    return sha(JSON.stringify({ ...d, pack: { ...d.pack, hash: '' } }));
  } catch (e) {
    return sha(`error: ${(e as Error).name}: ${(e as Error).message}`);
  }
}

/** Every path to a value inside a JSON document. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

const REPLACEMENTS: unknown[] = ['x', 5, 1.5, -1, true, null, [], {}, ['x'], { x: 1 }, { fact: 'nope', operator: 'equal', value: 1 }, { fact: 'x' }, { sum: [] }, '2025-13-01'];

/** A copy of the pack with one random change: a value replaced, a key deleted or an unknown key added. */
function mutate(pack: Pack, all: (string | number)[][], r: Random): Pack {
  const copy = structuredClone(pack) as unknown as Record<string | number, unknown>;
  const path = all[1 + Math.floor(r() * (all.length - 1))]!;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const kind = r();
  if (kind < 0.2 && !Array.isArray(parent)) delete parent[key];
  else if (kind < 0.3 && parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key])) (parent[key] as Record<string, unknown>).unexpected = 1;
  else parent[key] = REPLACEMENTS[Math.floor(r() * REPLACEMENTS.length)];
  return copy as unknown as Pack;
}

/** The behaviour the language registry must not change, for one pack. */
export interface PackSnapshot {
  /** Hash of each case's determination (with its explanation in words), in case order. */
  cases: string[];
  /** Hash of each random assessment's determination (with trace). */
  random: string[];
  /** Hash of each random assessment itself, so a change in the generator is told apart. */
  assessments: string[];
  /** Hash of `validatePack`'s result for the pack and each mutation of it. */
  validation: string[];
  /** Whether the published JSON Schema alone accepts the pack and each mutation. */
  schemaAccepts: boolean[];
  /** Hash of the readable diff from the pack to each of the first mutations. */
  diffs: string[];
}

/** The behaviour snapshot of a pack: see `PackSnapshot`. */
export function packSnapshot(pack: Pack, extensions?: Extensions): PackSnapshot {
  const compiled = compilePack(pack, extensions ? { extensions } : {});
  // An explained determination is pinned with its explanation in words, as determinations carried it
  // before the explanation became data (format 2): the words made from the data must not change.
  const explained = (d: Determination): unknown => { const { explanation: _e, ...rest } = d; return { ...rest, trace: explainDetermination(pack, d) }; };
  const cases = (pack.cases ?? []).map((c) => outcome(() => explained(evaluate(compiled, caseAssessment(pack, c), { explain: true, ...(c.asOf ? { asOf: c.asOf } : {}) }))));
  const r = seededRandom(20261206);
  const assessments: string[] = [];
  const random: string[] = [];
  for (let i = 0; i < RANDOM_PER_PACK; i++) {
    const a = randomAssessment(compiled, r);
    assessments.push(sha(JSON.stringify(a)));
    random.push(outcome(() => explained(evaluate(compiled, a, { explain: true }))));
  }
  const all = paths(pack);
  const mr = seededRandom(7);
  const variants = [pack, ...Array.from({ length: MUTATIONS_PER_PACK }, () => mutate(pack, all, mr))];
  const opts = extensions ? { extensions } : {};
  const validation = variants.map((v) => sha(JSON.stringify(validatePack(structuredClone(v), opts).errors)));
  const schemaCheck = createAjv().compile(packSchema);
  const schemaAccepts = variants.map((v) => schemaCheck(v) === true);
  const diffs = variants.slice(1, 41).map((v) => { try { return sha(JSON.stringify(diffPacks(pack, v))); } catch (e) { return sha(String(e)); } });
  return { cases, random, assessments, validation, schemaAccepts, diffs };
}

/** Extensions a pack needs to compile, by its metadata id. */
export function extensionsFor(id: string): Extensions | undefined {
  return id === 'herefordshire' ? { facts: { monthsAfter: monthsAfterStandIn } } : undefined;
}

/** The hash of the published schema in canonical form. */
export function schemaHash(): string {
  return sha(canonicalJson(packSchema));
}
