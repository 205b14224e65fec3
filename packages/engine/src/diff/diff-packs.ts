import type { Pack } from '../types.js';
import { canonicalJson } from '../canonical-json.js';
import { operatorWords, type DeclaredOperatorWords } from '../language/wording.js';
import { escapePointer } from '../schema/parse-json.js';
import { rowWords } from '../language/decision-table.js';

/** One change between two packs: where (JSON pointer in the newer pack, or the older for removals) and what. */
export interface PackChange {
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** Readable: `decision "Domain rating" rule "Silver": at least 12 -> 13`. */
  summary: string;
}

/** The differences between two packs. */
export interface PackDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  changes: PackChange[];
}

type Json = unknown;

const isObj = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const idOf = (v: Json): string | undefined => (isObj(v) && typeof v.id === 'string' ? v.id : undefined);
const show = (v: Json): string => (typeof v === 'string' ? v : canonicalJson(v));

/** Context words for a path segment, given the parent value and the node. */
function wordsOf(parentKey: string | undefined, key: string, node: Json, rows?: WeakMap<object, string>, declared?: DeclaredOperatorWords): string | undefined {
  if (parentKey === 'rows' && isObj(node) && rows?.has(node)) return `row "${rows.get(node)!}"`;
  if (parentKey === 'decisions' && isObj(node)) return `decision "${typeof node.label === 'string' ? node.label : key}"`;
  if (parentKey === 'rules' && isObj(node)) return `rule "${typeof node.label === 'string' ? node.label : node.id}"`;
  if (parentKey === 'domains' && isObj(node)) return `domain "${typeof node.title === 'string' ? node.title : node.id}"`;
  if (parentKey === 'standards' && isObj(node)) return `standard "${typeof node.title === 'string' ? node.title : node.id}"`;
  if (parentKey === 'criteria' && isObj(node)) return `criterion ${String(node.id)}`;
  if (parentKey === 'actions' && isObj(node)) return `action "${typeof node.label === 'string' ? node.label : node.id}"`;
  if (parentKey === 'schedule' && isObj(node)) return `schedule "${typeof node.label === 'string' ? node.label : node.id}"`;
  if (parentKey === 'scores' && isObj(node)) return `score "${typeof node.label === 'string' ? node.label : node.id}"`;
  if (parentKey === 'warnings' && isObj(node)) return `warning "${typeof node.message === 'string' ? node.message : node.id}"`;
  if (parentKey === 'cases' && isObj(node)) return `case ${String(node.id)}`;
  if (parentKey === 'mappings') return `mapping ${key}`;
  if (parentKey === 'scales') return `scale ${key}`;
  if (parentKey === 'interpretations') return `interpretation ${key}`;
  if (parentKey === 'parameters') return key;
  if (parentKey === 'table') return key;
  if (isObj(node) && typeof node.fact === 'string' && typeof node.operator === 'string') return describeLeaf(node, declared);
  return undefined;
}

/** A leaf condition in words, without its value: `criteria judged at least Fully met is at least`. */
function describeLeaf(leaf: Record<string, Json>, declared?: DeclaredOperatorWords): string {
  const params = isObj(leaf.params) ? leaf.params : {};
  let what = String(leaf.fact);
  if (leaf.fact === 'criteriaCount' || leaf.fact === 'domainCount') {
    const filters = ['is', 'atLeast', 'atMost', 'above', 'below'].filter((k) => params[k] !== undefined)
      .map((k) => `${k === 'is' ? '' : `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} `}${show(params[k])}`);
    const subject = leaf.fact === 'criteriaCount'
      ? `${params.flag ? `${String(params.flag)} ` : ''}criteria${params.standard ? ` in ${String(params.standard)}` : ''}`
      : `domains (${String(params.decision)})`;
    what = `${subject}${filters.length ? ` judged ${filters.join(' and ')}` : ''}`;
  }
  return `${what} ${operatorWords(String(leaf.operator), declared)}`;
}

const isCaseChange = (c: PackChange): boolean => c.pointer === '/cases' || c.pointer.startsWith('/cases/');

/**
 * A readable structural diff of two packs (rule and threshold changes first, case changes last). Lists whose items have ids (rules, domains,
 * criteria, actions, cases...) are matched by id, so a reordering is not a change.
 * @example
 * diffPacks(v1, v2).changes.map((c) => c.summary)
 * // [ 'domain "Safeguarding and safety" silverMinFullyMet: 12 -> 13' ]
 */
export function diffPacks(a: Pack, b: Pack): PackDiff {
  const changes: PackChange[] = [];
  // A decision table's row reads as its sentence (as its rule does in the trace).
  const rows = new WeakMap<object, string>();
  for (const p of [a, b]) for (const d of Object.values(p.decisions ?? {})) for (const r of d.table?.rows ?? []) rows.set(r, rowWords(d.table!, r));
  // A plugin operator reads in the words either pack declares for it (the newer's first).
  const declared = { ...a.extensions?.operatorDeclarations, ...b.extensions?.operatorDeclarations };
  const contextWords = (parentKey: string | undefined, key: string, node: Json): string | undefined =>
    (parentKey === 'table' && key === 'rows' && Array.isArray(node) && node.some((r) => isObj(r) && rows.has(r)) ? undefined : wordsOf(parentKey, key, node, rows, declared));
  const walk = (x: Json, y: Json, pointer: string, context: string[], parentKey: string | undefined): void => {
    if (canonicalJson(x) === canonicalJson(y)) return;
    const where = context.length ? context.join(' ') : 'pack';
    if (Array.isArray(x) && Array.isArray(y)) {
      const keyed = [...x, ...y].every((v) => idOf(v) !== undefined);
      if (keyed) {
        const xs = new Map(x.map((v, i) => [idOf(v)!, { v, i }]));
        const ys = new Map(y.map((v, i) => [idOf(v)!, { v, i }]));
        for (const [id, { v, i }] of xs) if (!ys.has(id)) changes.push({ pointer: `${pointer}/${i}`, kind: 'removed', before: v, summary: `${where}: removed ${contextWords(parentKey, id, v) ?? id}` });
        for (const [id, { v, i }] of ys) {
          const old = xs.get(id);
          if (!old) { changes.push({ pointer: `${pointer}/${i}`, kind: 'added', after: v, summary: `${where}: added ${contextWords(parentKey, id, v) ?? id}` }); continue; }
          const words = contextWords(parentKey, id, v);
          walk(old.v, v, `${pointer}/${i}`, words ? [...context, words] : context, undefined);
        }
        const orderX = x.map(idOf).filter((id) => ys.has(id!));
        const orderY = y.map(idOf).filter((id) => xs.has(id!));
        if (orderX.join('\u0000') !== orderY.join('\u0000')) changes.push({ pointer, kind: 'changed', before: orderX, after: orderY, summary: `${where}: order changed` });
        return;
      }
      if (x.every((v) => !isObj(v) && !Array.isArray(v)) && y.every((v) => !isObj(v) && !Array.isArray(v))) {
        changes.push({ pointer, kind: 'changed', before: x, after: y, summary: `${where}${parentKey ? ` ${parentKey}` : ''}: [${x.map(show).join(', ')}] -> [${y.map(show).join(', ')}]` });
        return;
      }
      const n = Math.max(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (i >= x.length) changes.push({ pointer: `${pointer}/${i}`, kind: 'added', after: y[i], summary: `${where}: added item ${i + 1}` });
        else if (i >= y.length) changes.push({ pointer: `${pointer}/${i}`, kind: 'removed', before: x[i], summary: `${where}: removed item ${i + 1}` });
        else {
          const words = contextWords(parentKey, String(i), y[i]);
          walk(x[i], y[i], `${pointer}/${i}`, words ? [...context, words] : context, parentKey);
        }
      }
      return;
    }
    if (isObj(x) && isObj(y)) {
      for (const k of Object.keys(x)) if (!(k in y)) changes.push({ pointer: `${pointer}/${escapePointer(k)}`, kind: 'removed', before: x[k], summary: `${where}: removed ${contextWords(parentKey, k, x[k]) ?? k}` });
      for (const k of Object.keys(y)) {
        const p = `${pointer}/${escapePointer(k)}`;
        if (!(k in x)) { changes.push({ pointer: p, kind: 'added', after: y[k], summary: `${where}: added ${contextWords(parentKey, k, y[k]) ?? k}${!isObj(y[k]) && !Array.isArray(y[k]) ? ` = ${show(y[k])}` : ''}` }); continue; }
        const words = contextWords(parentKey, k, y[k]);
        walk(x[k], y[k], p, words ? [...context, words] : context, k);
      }
      return;
    }
    const label = parentKey && !['value', 'output'].includes(parentKey) && !context.at(-1)?.endsWith(parentKey) ? ` ${parentKey}` : '';
    changes.push({ pointer, kind: 'changed', before: x, after: y, summary: `${where}${label}: ${show(x)} -> ${show(y)}` });
  };
  walk(a, b, '', [], undefined);
  // Rule and threshold changes are what a reviewer reads first; the cases that follow them come after.
  const ordered = [...changes.filter((c) => !isCaseChange(c)), ...changes.filter(isCaseChange)];
  return { from: { id: a.metadata?.id, version: a.metadata?.version }, to: { id: b.metadata?.id, version: b.metadata?.version }, changes: ordered };
}
