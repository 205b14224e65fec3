import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AssessmentProblem } from '../errors.js';
import type { Pack } from '../types.js';
import { createAjv } from '../schema/validate-pack.js';
import { checkStructure } from '../schema/parse-json.js';
import { FORBIDDEN_KEYS } from '../schema/limits.js';
import { isOrdered, type PackIndex } from '../compile/pack-index.js';
import { isIsoDate } from '../dates/iso-date.js';
import { compileRecordedDecisionsCheck } from './recorded-decisions.js';
import { givenValue, takenTypes } from './given-value.js';
import { ASSESSMENT_KEYS, AssessmentSchema } from '../schema/shapes/assessment.js';
import { takesRecordedDecision } from '../language/human-decision.js';
import { inheritedName, ownMember } from '../compile/own-member.js';
import { quickValidity } from './facts-validity.js';

/** The members of an assessment in words, for messages: "date, judgements, facts and decisions". */
const ASSESSMENT_MEMBERS = `${ASSESSMENT_KEYS.slice(0, -1).join(', ')} and ${ASSESSMENT_KEYS.at(-1)!}`;

/**
 * The JSON Schema of an assessment under a pack: the assessment's own shape
 * (`schema/shapes/assessment.ts`, published as `assessment.schema.json`) narrowed to the pack:
 * its criteria and the judgements each allows, its input facts, and the decisions a person takes
 * or an officer may override, with the values of their scales.
 */
export function assessmentSchema(index: PackIndex): Record<string, unknown> {
  const pack: Pack = index.pack;
  // A plain JSON copy of the TypeBox declaration (its symbols dropped).
  type Json = Record<string, unknown>;
  const generic = JSON.parse(JSON.stringify(AssessmentSchema)) as Json & { properties: Record<'date' | 'judgements' | 'facts', Json> & { decisions: Json & { additionalProperties: { properties: Json } } } };
  const facts: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(pack.inputs.properties)) {
    const s = { ...schema };
    const scale = s['x-scale'] ? index.scales.get(s['x-scale']) : undefined;
    if (isOrdered(scale) && !s.enum) s.enum = scale.values;
    delete s['x-scale'];
    delete s['x-source'];
    facts[name] = s;
  }
  const judgementProps: Record<string, unknown> = {};
  for (const c of index.criteria) judgementProps[c.criterion.id] = { enum: c.allowed };
  const recorded = generic.properties.decisions.additionalProperties;
  const decisionProps: Record<string, unknown> = {};
  for (const inst of index.instances) {
    if (!takesRecordedDecision(inst.decision)) continue;
    const scale = index.scales.get(inst.decision.scale);
    const value = isOrdered(scale) ? { enum: scale.values } : scale && 'numeric' in scale
      ? { type: scale.numeric.integer ? 'integer' : 'number', minimum: scale.numeric.min, maximum: scale.numeric.max }
      : {};
    decisionProps[inst.id] = { ...recorded, properties: { ...recorded.properties, value: { ...(recorded.properties.value as object), ...value } } };
  }
  return {
    ...generic,
    properties: {
      ...generic.properties,
      judgements: {
        ...generic.properties.judgements,
        additionalProperties: false,
        properties: judgementProps,
        ...(pack.framework?.judgements.required ? { required: index.criteria.map((c) => c.criterion.id) } : {}),
      },
      // Every keyword of the pack's inputs schema applies (allOf, if/then, dependentRequired...).
      facts: { ...generic.properties.facts, ...pack.inputs, additionalProperties: pack.inputs.additionalProperties ?? false, properties: facts },
      decisions: { ...generic.properties.decisions, additionalProperties: false, properties: decisionProps },
    },
  };
}

/**
 * Compiles the assessment check for a pack: returns the problems, naming each fact. The
 * envelope and the judgements are checked directly (they are most of an assessment and the
 * hot path); the facts go through ajv with the pack's own input schema.
 */
export function compileAssessmentCheck(index: PackIndex): (a: unknown, ranks?: number[], recordedEarlier?: readonly string[]) => AssessmentProblem[] {
  const schema = assessmentSchema(index) as { properties: { facts: Record<string, unknown> } };
  // Whether the facts are valid is asked of a validator that stops at the first error and keeps
  // no error details (most assessments are valid); every error, in words, of one made when
  // facts are first refused.
  // ajv reads a declared fact as `facts.name`, which finds every object's `toString` where the
  // assessment gives none: a pack declaring a fact of such a name has its facts read from a copy
  // without a prototype.
  const ownFacts = Object.keys((schema.properties.facts.properties ?? {}) as object).some(inheritedName)
    ? (facts: unknown): unknown => (facts !== null && typeof facts === 'object' && !Array.isArray(facts) ? Object.assign(Object.create(null) as object, facts) : facts)
    : (facts: unknown): unknown => facts;
  const ajvValid = factsValidator(schema.properties.facts, { allErrors: false, verbose: false });
  const ajvValidFacts = (facts: unknown): boolean => ajvValid(ownFacts(facts));
  // Plain code answers first where it can (`facts-validity.ts`): its "valid" is ajv's; anything
  // else, ajv decides.
  const quick = quickValidity(schema.properties.facts);
  const isValidFacts = quick ? (facts: unknown): boolean => quick(facts) || ajvValidFacts(facts) : ajvValidFacts;
  let validateFacts: ValidateFunction | undefined;
  const factErrors = (facts: unknown): ErrorObject[] => {
    validateFacts ??= factsValidator(schema.properties.facts, {});
    validateFacts(ownFacts(facts));
    return validateFacts.errors ?? [];
  };
  const jranks = index.judgementScale ? index.ranks.get(index.judgementScale) : undefined;
  // Criterion id -> [its index, allowed judgement -> rank on the judgement scale].
  const allowed = new Map(index.criteria.map((c) => [c.criterion.id, {
    index: c.index,
    ranks: new Map(c.allowed.map((v) => [v, jranks?.get(v) ?? -1])),
    mask: allowedMask(c.allowed, jranks),
    name: `"${c.criterion.id}" (${c.criterion.title})`,
  }]));
  /** A judgement's rank on the judgement scale when the criterion allows it, else undefined. */
  const rankOf = (entry: { mask: number; ranks: ReadonlyMap<string, number> }, given: unknown): number | undefined => {
    // One lookup on the judgement scale and a test of the criterion's allowed ranks, where they fit a bit mask.
    if (entry.mask === 0) return entry.ranks.get(given as string);
    const r = jranks!.get(given as string);
    return r !== undefined && (entry.mask >>> r) & 1 ? r : undefined;
  };
  // In the pack's order: each criterion's id, index, and allowed judgements with their ranks (-1 off the scale).
  const ids = index.criteria.map((c) => c.criterion.id);
  const indices = index.criteria.map((c) => c.index);
  const allowedValues = index.criteria.map((c) => [...allowed.get(c.criterion.id)!.ranks.keys()]);
  const allowedRanks = index.criteria.map((c) => [...allowed.get(c.criterion.id)!.ranks.values()]);
  /**
   * Whether criterion `i` (in the pack's order) allows the judgement `given`, writing its rank when
   * it does. A judgement is found among the few its criterion allows by comparison (what `rankOf`
   * finds by lookup: the allowed judgements are text, compared as a Map compares them).
   */
  const takes = (i: number, given: unknown, ranks: number[] | undefined): boolean => {
    const values = allowedValues[i]!;
    let k = 0;
    while (k < values.length && values[k] !== given) k++;
    if (k === values.length) return false;
    if (ranks) ranks[indices[i]!] = allowedRanks[i]![k]!;
    return true;
  };
  /**
   * How many criteria are judged, writing their ranks; -1 as soon as a judgement is not one the
   * criterion allows.
   */
  const judgedInOrder = (judgements: Record<string, unknown>, ranks: number[] | undefined): number => {
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const given = judgements[ids[i]!];
      if (given === undefined) continue;
      if (!takes(i, given, ranks)) return -1;
      n++;
    }
    return n;
  };
  /**
   * {@link judgedInOrder} for judgements given in the pack's order (as the admin UI and the cases
   * give them): each key is met walking the criteria forward, so the judgement is read by the key
   * in hand (no lookup by name). -2 as soon as a key is not the next judged criterion in the
   * pack's order (out of order, unknown, or given as undefined): {@link judgedInOrder} then reads it.
   */
  const judgedInPackOrder = (judgements: Record<string, unknown>, ranks: number[] | undefined): number => {
    let n = 0;
    let i = 0;
    for (const id in judgements) {
      while (i < ids.length && ids[i] !== id) i++;
      if (i === ids.length) return -2;
      const given = judgements[id];
      if (given === undefined) return -2;
      if (!takes(i, given, ranks)) return -1;
      n++;
      i++;
    }
    return n;
  };
  const allowedText = new Map(index.criteria.map((c) => [c.criterion.id, c.allowed.map((v) => JSON.stringify(v)).join(', ')]));
  const requiredJudgements = index.pack.framework?.judgements.required ? index.criteria.map((c) => c.criterion.id) : [];
  const envelope = new Set(ASSESSMENT_KEYS);
  const checkDecisions = compileRecordedDecisionsCheck(index);
  const plainFacts = plainValuesOnly(schema.properties.facts);
  return (a, ranks, recordedEarlier) => {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) return [{ pointer: '', fact: 'assessment', message: `An assessment must be an object with ${ASSESSMENT_MEMBERS}.` }];
    const o = a as Record<string, unknown>;
    // Judgements are checked key by key below (an unexpected key such as "__proto__" is an unknown
    // criterion), so only the facts, which may nest, need the structural walk.
    const facts = o.facts === undefined ? {} : o.facts;
    // Facts the schema holds to plain values of declared names need no structural walk once valid.
    const factsValid = isValidFacts(facts);
    const structural = o.facts !== undefined && !(factsValid && plainFacts) ? checkStructure(o.facts) : [];
    if (structural.length) return structural.map((e) => ({ pointer: `/facts${e.pointer}`, fact: factOf(`/facts${e.pointer}`), message: e.message }));
    const problems: AssessmentProblem[] = [];
    for (const k of Object.keys(o)) if (!envelope.has(k)) problems.push({ pointer: `/${k}`, fact: k, message: `Unknown property "${k}": an assessment has ${ASSESSMENT_MEMBERS}.` });
    if (o.date === undefined) problems.push({ pointer: '/date', fact: 'date', message: 'The assessment date is missing.' });
    else if (!isIsoDate(o.date)) problems.push({ pointer: '/date', fact: 'date', message: `${JSON.stringify(o.date)} is not a calendar date (YYYY-MM-DD).` });
    const j = o.judgements;
    if (j !== undefined && (j === null || typeof j !== 'object' || Array.isArray(j))) problems.push({ pointer: '/judgements', fact: 'judgements', message: 'Judgements must be an object of criterion id -> judgement.' });
    else {
      const judgements = (j ?? {}) as Record<string, unknown>;
      // Read in the pack's order first; when each judgement was allowed and there was no other key,
      // there is nothing to report. Otherwise each key is looked at, in the assessment's order.
      let judged = judgedInPackOrder(judgements, ranks);
      // Read in the pack's order, every key was counted: there is no other key when none was inherited.
      const everyKeyCounted = judged >= 0 && ownKeysOnly(judgements);
      if (judged === -2) judged = judgedInOrder(judgements, ranks);
      const lookAtEach = judged < 0 || (!everyKeyCounted && judged !== Object.keys(judgements).length);
      if (lookAtEach) judged = 0;
      for (const id in lookAtEach ? judgements : NOTHING_MORE) {
        const entry = allowed.get(id);
        if (!entry) { problems.push({ pointer: `/judgements/${id}`, fact: id, message: `Unknown criterion "${id}": the pack does not declare it.` }); continue; }
        const given = judgements[id];
        const rank = rankOf(entry, given);
        if (rank === undefined) {
          problems.push({
            pointer: `/judgements/${id}`, fact: id,
            message: typeof given === 'string'
              ? `Must be one of ${allowedText.get(id)}.`
              : `${capitalise(givenValue(given))}, but criterion ${entry.name} takes text values: one of ${allowedText.get(id)}.`,
          });
        }
        else { judged++; if (ranks) ranks[entry.index] = rank; }
      }
      if (judged < requiredJudgements.length) {
        for (const id of requiredJudgements) if (ownMember(judgements, id) === undefined) problems.push({ pointer: `/judgements/${id}`, fact: id, message: `Criterion "${id}" has no judgement.` });
      }
    }
    if (!factsValid) for (const e of factErrors(facts)) problems.push(describe({ ...e, instancePath: `/facts${e.instancePath}` }));
    if (o.decisions !== undefined) problems.push(...checkDecisions(o.decisions, recordedEarlier));
    return problems;
  };
}

/**
 * An ajv validator of a pack's facts schema, with `opts` (ajv's); a schema ajv cannot compile in
 * strict mode is retried leniently. Dates (`format: "date"`) are checked by `isIsoDate`, which
 * accepts exactly what ajv-formats' full `date` does, without a regular expression's match.
 */
function factsValidator(facts: Record<string, unknown>, opts: { allErrors?: boolean; verbose?: boolean }): ValidateFunction {
  const make = (strict: boolean): ValidateFunction => {
    const ajv = createAjv();
    Object.assign(ajv.opts, opts);
    if (!strict) ajv.opts.strict = false;
    const { compare } = (ajv.formats.date ?? {}) as { compare?: (a: string, b: string) => number | undefined };
    ajv.addFormat('date', { type: 'string', validate: isIsoDate, ...(compare ? { compare } : {}) });
    return ajv.compile(facts);
  };
  try {
    return make(true);
  } catch {
    return make(false);
  }
}

/**
 * The allowed judgements' ranks on the judgement scale as bits, or 0 when a bit mask cannot
 * stand for them (a scale of over 30 values, or an allowed judgement not on the scale).
 */
function allowedMask(values: string[], jranks: ReadonlyMap<string, number> | undefined): number {
  if (!jranks || jranks.size > 30) return 0;
  let mask = 0;
  for (const v of values) {
    const r = jranks.get(v);
    if (r === undefined) return 0;
    mask |= 1 << r;
  }
  return mask;
}

/**
 * True when `for...in` over the object visits its own keys only: its prototype is an object's (with
 * no enumerable member, as it has none unless something added one) or none. Then the keys counted
 * by a `for...in` are the object's `Object.keys`, which are not listed again (for an object built
 * key by key, as in JavaScript rather than parsed from JSON, listing them costs as much as the rest of the check).
 */
function ownKeysOnly(o: object): boolean {
  const proto = Object.getPrototypeOf(o) as object | null;
  if (proto === null) return true;
  if (proto !== Object.prototype) return false;
  for (const _ in proto) return false;
  return true;
}

/** An object of no members: what is left to look at when every judgement was read in the pack's order. */
const NOTHING_MORE: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

/** A value that is not an object or a list. */
const plain = (v: unknown): boolean => v === null || typeof v !== 'object';
const PLAIN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * True when every facts object the schema accepts is an object of declared, allowed names whose
 * values are plain (no objects or lists): one `checkStructure` has nothing to find in.
 */
function plainValuesOnly(facts: Record<string, unknown>): boolean {
  if (facts.type !== 'object' || facts.additionalProperties !== false || facts.patternProperties !== undefined) return false;
  const props = (facts.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(props).every(([name, p]) => !FORBIDDEN_KEYS.has(name) && p !== null && typeof p === 'object' && (
    (typeof p.type === 'string' && PLAIN_TYPES.has(p.type))
    || (Array.isArray(p.type) && p.type.length > 0 && p.type.every((t) => PLAIN_TYPES.has(t as string)))
    || (Array.isArray(p.enum) && p.enum.every(plain))
    || ('const' in p && plain(p.const))));
}

function factOf(pointer: string): string {
  const parts = pointer.split('/');
  if (parts[1] === 'facts' || parts[1] === 'judgements') return parts[2] ?? parts[1];
  return parts[1] || 'assessment';
}

function describe(e: ErrorObject): AssessmentProblem {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    const missing = String(p.missingProperty);
    const pointer = `${e.instancePath}/${missing}`;
    const what = e.instancePath === '/judgements' ? `criterion "${missing}" has no judgement` : e.instancePath === '/facts' ? `required fact "${missing}" is missing` : `"${missing}" is missing`;
    return { pointer, fact: e.instancePath === '' ? missing : missing, message: what.charAt(0).toUpperCase() + what.slice(1) + '.' };
  }
  if (e.keyword === 'additionalProperties') {
    const extra = String(p.additionalProperty);
    const where = e.instancePath === '/facts' ? 'fact' : e.instancePath === '/judgements' ? 'criterion' : 'property';
    return { pointer: `${e.instancePath}/${extra}`, fact: extra, message: `Unknown ${where} "${extra}": the pack does not declare it.` };
  }
  const fact = factOf(e.instancePath);
  const at = e.instancePath === `/facts/${fact}` ? '' : ` at ${e.instancePath}`;
  const message = e.keyword === 'enum'
    ? `Must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`
    : e.keyword === 'type' ? `${capitalise(givenValue(e.data))}, but fact "${fact}"${at} takes ${takenTypes(p.type)}.`
      : e.keyword === 'format' ? `Must be a valid ${String(p.format)} (YYYY-MM-DD for dates).`
        : e.message ?? e.keyword;
  return { pointer: e.instancePath, fact, message };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
