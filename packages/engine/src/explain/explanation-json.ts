import type { Explanation, ExplanationEntry, LeafResult } from './explanation.js';
import { jsonString } from '../evaluate/trace-json.js';

/**
 * JSON texts of the short strings an explanation repeats (decision and rule ids, scale values,
 * dates), written once. Bounded in number and in each text's length: a server holding many pack
 * versions, or reading strange facts, starts afresh rather than grows.
 */
const repeated = new Map<string, string>();
const REPEATED_LIMIT = 20_000;
const REPEATED_LONGEST = 80;

function stringJson(text: string): string {
  if (text.length > REPEATED_LONGEST) return jsonString(text);
  let json = repeated.get(text);
  if (json === undefined) {
    if (repeated.size >= REPEATED_LIMIT) repeated.clear();
    json = jsonString(text);
    repeated.set(text, json);
  }
  return json;
}

/**
 * A value's JSON text as a member of an object: `undefined` when `JSON.stringify` leaves the
 * member out (undefined, a function, a symbol). Text, numbers and booleans, which are most
 * values, are written here; anything else by `JSON.stringify`.
 */
function valueJson(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string': return stringJson(v);
    // What JSON.stringify writes for a number: its shortest text, `null` when not finite (-0 as 0).
    case 'number': return Number.isFinite(v) ? `${v}` : 'null';
    case 'boolean': return v ? 'true' : 'false';
    default: return JSON.stringify(v) as string | undefined;
  }
}

/** A list member's JSON text: `null` where an object member would be left out. */
function itemJson(v: unknown): string {
  return valueJson(v) ?? 'null';
}

/** `,"name":text` for a member JSON.stringify writes, nothing for one it leaves out. */
function member(name: string, v: unknown): string {
  if (v === undefined) return '';
  const json = valueJson(v);
  return json === undefined ? '' : `,"${name}":${json}`;
}

/** A flag member as written: `,"name":true` / `false`, nothing when absent (format 3 writes no false flags). */
function flag(name: string, v: boolean | undefined): string {
  return v === true ? `,"${name}":true` : v === false ? `,"${name}":false` : member(name, v);
}

/** A leaf's result: `{"value":..,"wanted":..,"holds":true,"counted":[..]}`, members absent as JSON.stringify leaves them out. */
function leafJson(l: LeafResult): string {
  if (l === null || typeof l !== 'object') return itemJson(l);
  // The members in the order the engine writes them, each after a comma but the first.
  let out = '{';
  const { value, wanted, holds, counted } = l;
  if (value !== undefined) { const json = valueJson(value); if (json !== undefined) out += `"value":${json}`; }
  if (wanted !== undefined) { const json = valueJson(wanted); if (json !== undefined) out += `${out.length > 1 ? ',' : ''}"wanted":${json}`; }
  if (holds !== undefined) out += out.length > 1 ? flag('holds', holds) : flag('holds', holds).slice(1);
  if (counted !== undefined) out += `${out.length > 1 ? ',' : ''}"counted":${listJson(counted)}`;
  return `${out}}`;
}

function listJson(list: readonly unknown[]): string {
  if (list.length === 0) return '[]';
  let out = `[${itemJson(list[0])}`;
  for (let i = 1; i < list.length; i++) out += `,${itemJson(list[i])}`;
  return `${out}]`;
}

function leavesJson(leaves: readonly LeafResult[]): string {
  if (leaves.length === 0) return '[]';
  let out = `[${leafJson(leaves[0]!)}`;
  for (let i = 1; i < leaves.length; i++) out += `,${leafJson(leaves[i]!)}`;
  return `${out}]`;
}

function entryJson(e: ExplanationEntry): string {
  switch (e.kind) {
    case 'decision': {
      let out = `{"kind":"decision","of":${stringJson(e.of)},"rules":[`;
      const rules = e.rules;
      for (let k = 0; k < rules.length; k++) {
        const r = rules[k]!;
        out += `${k === 0 ? '' : ','}{"rule":${stringJson(r.rule)}${flag('fired', r.fired)},"conditions":${leavesJson(r.conditions)}${member('output', r.output)}${member('banded', r.banded)}}`;
      }
      return `${out}]${flag('fallback', e.fallback)}}`;
    }
    case 'action':
    case 'schedule':
    case 'warning':
      return `{"kind":"${e.kind}","of":${stringJson(e.of)}${flag('fired', e.fired)},"conditions":${leavesJson(e.conditions)}}`;
    case 'limit':
      return `{"kind":"limit","of":${stringJson(e.of)},"limit":${stringJson(e.limit)}${flag('fired', e.fired)},"conditions":${leavesJson(e.conditions)}${member('capped', e.capped)}}`;
    default:
      // A person's entry, and any kind added later: as JSON.stringify writes it.
      return JSON.stringify(e);
  }
}

/**
 * The JSON text of an explanation: for an explanation as the engine makes it (its members in the
 * engine's order), exactly what `JSON.stringify(explanation)` gives, at less cost. A server
 * replies with the explanation of every evaluation it stores (about 11 kB of Birmingham's reply);
 * most of it is short objects of one to three members, each written here from its few known
 * members rather than by the serialiser's walk over every property, and the ids and scale values
 * it repeats are escaped once, not each time.
 * @example const text = explanationJson(evaluate(pack, assessment, { explain: true }).explanation!);
 */
export function explanationJson(explanation: Explanation): string {
  let out = `{"format":${itemJson(explanation.format)}`;
  if (explanation.judgements !== undefined) out += `,"judgements":${JSON.stringify(explanation.judgements)}`;
  const entries = explanation.entries;
  out += ',"entries":[';
  for (let i = 0; i < entries.length; i++) out += (i === 0 ? '' : ',') + entryJson(entries[i]!);
  return `${out}]}`;
}
