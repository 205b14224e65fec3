import type { Pack } from '../types.js';
import { canonicalJson } from '../canonical-json.js';
import { everyWords, leafConditionWords } from '../language/wording.js';
import { unitAfter } from '../language/parameters/unit-words.js';
import { escapePointer } from '../schema/parse-json.js';
import { cellWords, columnWords, rowWords, tableParamWords, type DecisionTable, type TableCell } from '../language/decision-table.js';
import { isParamRef } from '../language/parameters/parameter-declaration.js';
import { parameterWords, type ValueWords } from '../language/parameters/parameter-words.js';
import { ownMember } from '../compile/own-member.js';

/** One change between two packs: where (JSON pointer in the newer pack, or the older for removals) and what. */
export interface PackChange {
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** In the council's words: `Safeguarding and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria`. */
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

/** The words naming a node in the change's context, given its parent key: a domain's title, a decision's label, a rule's band. */
function wordsOf(parentKey: string | undefined, key: string, node: Json, rows?: WeakMap<object, string>): string | undefined {
  const named = (field: string): string => (isObj(node) && typeof node[field] === 'string' ? node[field] : isObj(node) && typeof node.id === 'string' ? node.id : key);
  if (parentKey === 'rows' && isObj(node) && rows?.has(node)) return `row "${rows.get(node)!}"`;
  if (parentKey === 'decisions' && isObj(node)) return named('label');
  if (parentKey === 'rules' && isObj(node)) return `rule "${typeof node.label === 'string' ? node.label : typeof node.output === 'string' ? node.output : String(node.id)}"`;
  if (parentKey === 'domains' && isObj(node)) return named('title');
  if (parentKey === 'standards' && isObj(node)) return `standard "${named('title')}"`;
  if (parentKey === 'criteria' && isObj(node)) return `criterion ${String(node.id)}`;
  if (parentKey === 'actions' && isObj(node)) return `action "${named('label')}"`;
  if (parentKey === 'schedule' && isObj(node)) return `schedule "${named('label')}"`;
  if (parentKey === 'scores' && isObj(node)) return `score "${named('label')}"`;
  if (parentKey === 'warnings' && isObj(node)) return `warning "${named('message')}"`;
  if (parentKey === 'limits' && isObj(node)) return `limiter "${named('label')}"`;
  if (parentKey === 'cases' && isObj(node)) return `case ${String(node.id)}`;
  if (parentKey === 'mappings') return `mapping ${key}`;
  if (parentKey === 'scales') return isObj(node) && typeof node.label === 'string' ? `scale "${node.label}"` : `scale ${key}`;
  if (parentKey === 'interpretations') return isObj(node) && typeof node.title === 'string' ? `interpretation "${node.title}"` : `interpretation ${key}`;
  if (parentKey === 'parameters' && isObj(node) && typeof node.label === 'string') return `parameter "${node.label}"`;
  if (parentKey === 'sources' && isObj(node) && typeof node.title === 'string') return `document "${node.title}"`;
  if (parentKey === 'table') return key;
  return undefined;
}

/** A changed value in words: text as itself, anything else as canonical JSON. */
const change = (x: Json, y: Json): string => `${show(x)} -> ${show(y)}`;

/** True for a leaf condition (`{ fact, operator, value }`, or `{ expression, operator, value }`). */
const isLeaf = (v: Json): v is Record<string, Json> => isObj(v) && (typeof v.fact === 'string' || (v.expression !== undefined && v.fact === undefined)) && typeof v.operator === 'string';

/** A condition's shape: a leaf, `all`, `any` or `not` (anything else: undefined). */
const shapeOf = (c: Json): string | undefined => (isLeaf(c) ? 'leaf' : isObj(c) ? ['all', 'any', 'not'].find((k) => k in c) : undefined);

/** True for a citation (`{ doc, section }`). */
const isCitation = (v: Json): v is { doc: string; section: string; quote?: string } => isObj(v) && typeof v.doc === 'string' && typeof v.section === 'string';

/** Parameter labels ending in words that read before a number ("…, at least" 12 criteria). */
const READS_BEFORE_NUMBER = /\b(at least|at most|more than|fewer than|less than|within|up to|every|minimum|maximum)$/i;

const isCaseChange = (c: PackChange): boolean => c.pointer === '/cases' || c.pointer.startsWith('/cases/');

/** The pack's own words for what a change names: its facts, parameters, documents (the newer pack's, else the older's). */
function packWords(a: Pack, b: Pack) {
  const decisionLabel = (id: string): string => b.decisions?.[id]?.label ?? a.decisions?.[id]?.label ?? id;
  const inputs = (p: Pack) => (p.inputs?.properties ?? {}) as Record<string, { title?: string }>;
  const factName = (fact: string): string => {
    const [head, domain] = fact.split('.');
    if (b.decisions?.[head!] || a.decisions?.[head!]) return `the ${decisionLabel(head!)}${domain ? ` (${domain})` : ''}`.replace(/^the the /i, 'the ');
    return inputs(b)[fact]?.title ?? inputs(a)[fact]?.title ?? fact;
  };
  const parameter = (name: string) => ownMember(b.parameters, name) ?? ownMember(a.parameters, name);
  /** A compared value in words (`in`: the pack it is read from): a parameter by its value, or each domain's. */
  const valueWords = (v: Json, inPack: Pack): ValueWords => (isParamRef(v) ? parameterWords(inPack, v.param) : { text: show(v) });
  const domainTitle = (id: string): string => b.framework?.domains.find((d) => d.id === id)?.title ?? a.framework?.domains.find((d) => d.id === id)?.title ?? id;
  const flagLabel = (id: string): string => b.framework?.flags?.[id]?.label ?? a.framework?.flags?.[id]?.label ?? id;
  const helpers = { value: (v: unknown) => show(v), name: (id: string) => decisionLabel(id), domain: domainTitle, flag: flagLabel, subject: factName };
  // A plugin operator reads in the words either pack declares for it (the newer's first).
  const declared = { ...a.extensions?.operatorDeclarations, ...b.extensions?.operatorDeclarations };
  /** A leaf condition in words, its value given in words: "at least 12 criteria judged Fully met". */
  const leaf = (l: Record<string, Json>, value: ValueWords): string =>
    leafConditionWords({ ...(typeof l.fact === 'string' ? { fact: l.fact } : { expression: l.expression }), params: isObj(l.params) ? l.params : {}, operator: String(l.operator), value: l.value }, value, helpers, declared);
  /** A condition in words: its leaves as the registry words them, joined by "and" / "or"; an empty `all` as "always". */
  const condition = (c: Json): string => {
    if (isLeaf(c)) return leaf(c, valueWords(c.value, b));
    if (isObj(c) && Array.isArray(c.all)) return c.all.length ? c.all.map((x) => wrapped(x, 'all')).join(' and ') : 'always';
    if (isObj(c) && Array.isArray(c.any)) return c.any.length ? c.any.map((x) => wrapped(x, 'any')).join(' or ') : 'always';
    if (isObj(c) && 'not' in c) return `not (${condition(c.not)})`;
    return show(c);
  };
  /** A part of an `all` or `any`, in brackets when it joins its own parts the other way. */
  const wrapped = (c: Json, within: 'all' | 'any'): string => {
    const other = within === 'all' ? 'any' : 'all';
    return isObj(c) && Array.isArray(c[other]) && (c[other] as Json[]).length > 1 ? `(${condition(c)})` : condition(c);
  };
  /** A limiter in words: "Domain rating can be at most Bronze when ..."; with `was`, the value it capped at before. */
  const limiter = (decision: string, l: Record<string, Json>, was?: Json): string =>
    `${decisionLabel(decision)} can be at most ${show(l.atMost)}${was !== undefined ? ` (was ${show(was)})` : ''} when ${condition(l.when)}`;
  const citation = (c: { doc: string; section: string }): string => `${b.sources?.[c.doc]?.title ?? a.sources?.[c.doc]?.title ?? c.doc} ${c.section}`;
  /** A declared parameter's value change: "Silver: criteria rated Fully met, at least 12 -> 13 criteria". */
  const parameterChange = (name: string, x: Json, y: Json): string => {
    const d = parameter(name);
    if (!d) return `${name}: ${change(x, y)}`;
    return `${d.label}${READS_BEFORE_NUMBER.test(d.label) ? ' ' : ': '}${change(x, y)}${d.unit ? ` ${unitAfter(y, d.unit)}` : ''}`;
  };
  /** A domain's value of a declared parameter, added or removed: `"Silver: criteria rated Fully met, at least" = 12 criteria`. */
  const parameterValue = (name: string, v: Json): string | undefined => {
    const d = parameter(name);
    return d ? `"${d.label}" = ${show(v)}${d.unit ? ` ${unitAfter(v, d.unit)}` : ''}` : undefined;
  };
  return { leaf, valueWords, citation, parameterChange, parameterValue, limiter, condition };
}

/** Keys whose text is the council's wording of the thing. */
const WORDING_KEYS = new Set(['title', 'label', 'message', 'activity']);

/**
 * A readable diff of two packs in the council's words: a domain threshold reads as
 * "Safeguarding and safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria", a
 * condition as the registry words it, a citation by the document's title. Rule and threshold
 * changes come first, case changes last. Lists whose items have ids (rules, domains, criteria,
 * actions, cases...) are matched by id, so a reordering is not a change. Each change keeps its
 * JSON pointer (for tools), never in its summary.
 * @example
 * diffPacks(v1, v2).changes.map((c) => c.summary)
 * // [ 'Safety, Silver: criteria rated Fully met, at least 12 -> 13 criteria' ]
 */
export function diffPacks(a: Pack, b: Pack): PackDiff {
  const changes: PackChange[] = [];
  const words = packWords(a, b);
  // A decision table's row reads as its sentence (as its rule does in the trace).
  const rows = new WeakMap<object, string>();
  const tableOf = new WeakMap<object, DecisionTable>();
  for (const p of [a, b]) { const pw = tableParamWords(p); for (const d of Object.values(p.decisions ?? {})) for (const r of d.table?.rows ?? []) { rows.set(r, rowWords(d.table!, r, pw)); tableOf.set(r, d.table!); } }
  const contextWords = (parentKey: string | undefined, key: string, node: Json): string | undefined =>
    (parentKey === 'table' && key === 'rows' && Array.isArray(node) && node.some((r) => isObj(r) && rows.has(r)) ? undefined : wordsOf(parentKey, key, node, rows));
  const walk = (x: Json, y: Json, pointer: string, context: string[], parentKey: string | undefined, holder?: Json): void => {
    if (canonicalJson(x) === canonicalJson(y)) return;
    const where = context.length ? context.join(', ') : 'pack';
    const push = (c: Omit<PackChange, 'summary'>, summary: string): void => { changes.push({ ...c, summary }); };
    if (isLeaf(x) && isLeaf(y)) {
      const onlyValue = Object.keys({ ...x, ...y }).every((k) => k === 'value' || canonicalJson(x[k]) === canonicalJson(y[k]));
      const [vx, vy] = [words.valueWords(x.value, a), words.valueWords(y.value, b)];
      const byDomain = vy.byDomain ?? vx.byDomain;
      const text = onlyValue && !byDomain
        ? words.leaf(y, { text: `${vx.text} -> ${vy.text}` })
        : vx.byDomain === vy.byDomain
          // The same domain numbers on both sides are named once, after both.
          ? `${words.leaf(x, { text: vx.text })} -> ${words.leaf(y, { text: vy.text })}${byDomain ? ` (${byDomain})` : ''}`
          : `${words.leaf(x, vx)} -> ${words.leaf(y, vy)}`;
      push({ pointer, kind: 'changed', before: x, after: y }, `${where}: ${text}`);
      return;
    }
    // A condition rewritten into another shape (a leaf into an `all`, an `any` into an `all`) reads as the whole condition before and after, not as its keys.
    if (parentKey === 'when' && shapeOf(x) !== shapeOf(y)) {
      push({ pointer, kind: 'changed', before: x, after: y }, `${where}: when ${words.condition(x)} -> ${words.condition(y)}`);
      return;
    }
    if (isCitation(x) && isCitation(y)) {
      const text = x.doc === y.doc && !x.quote && !y.quote ? `${words.citation(x)} -> ${y.section}` : `${words.citation(x)} -> ${words.citation(y)}${y.quote ? ` ("${y.quote}")` : ''}`;
      push({ pointer, kind: 'changed', before: x, after: y }, `${where}: cites ${text}`);
      return;
    }
    if (parentKey === 'cells' && Array.isArray(x) && Array.isArray(y) && isObj(holder) && tableOf.has(holder)) {
      const table = tableOf.get(holder)!;
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        if (canonicalJson(x[i]) === canonicalJson(y[i])) continue;
        const col = table.inputs[i];
        const cell = (c: Json): string => (c === undefined ? '(none)' : cellWords(c as TableCell, tableParamWords(b)) ?? 'any');
        push({ pointer: `${pointer}/${i}`, kind: 'changed', before: x[i], after: y[i] }, `${where}, ${col ? columnWords(col) : `column ${i + 1}`}: ${cell(x[i])} -> ${cell(y[i])}`);
      }
      return;
    }
    const itemWords = (key: string, v: Json): string => {
      const w = contextWords(parentKey, key, v);
      if (w) return w;
      if (isLeaf(v)) return `condition: ${words.leaf(v, words.valueWords(v.value, b))}`;
      if (parentKey === 'parameters' && !isObj(v)) { const pv = words.parameterValue(key, v); if (pv) return pv; }
      return !isObj(v) && !Array.isArray(v) ? `${key} = ${show(v)}` : key;
    };
    if (Array.isArray(x) && Array.isArray(y)) {
      const keyed = [...x, ...y].every((v) => idOf(v) !== undefined);
      /** The decision whose limiters these are, if they are. */
      const limitsOf = /^\/decisions\/([^/]+)\/limits$/.exec(pointer)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      if (keyed) {
        const xs = new Map(x.map((v, i) => [idOf(v)!, { v, i }]));
        const ys = new Map(y.map((v, i) => [idOf(v)!, { v, i }]));
        // A limiter added or removed says what it caps, and when.
        const limiterOf = (v: Json): string => (limitsOf && isObj(v) ? `: ${words.limiter(limitsOf, v)}` : '');
        for (const [id, { v, i }] of xs) if (!ys.has(id)) push({ pointer: `${pointer}/${i}`, kind: 'removed', before: v }, `${where}: removed ${contextWords(parentKey, id, v) ?? id}${limiterOf(v)}`);
        for (const [id, { v, i }] of ys) {
          const old = xs.get(id);
          if (!old) { push({ pointer: `${pointer}/${i}`, kind: 'added', after: v }, `${where}: added ${contextWords(parentKey, id, v) ?? id}${limiterOf(v)}`); continue; }
          const w = contextWords(parentKey, id, v);
          walk(old.v, v, `${pointer}/${i}`, w ? [...context, w] : context, undefined);
        }
        const orderX = x.map(idOf).filter((id) => ys.has(id!));
        const orderY = y.map(idOf).filter((id) => xs.has(id!));
        if (orderX.join('\u0000') !== orderY.join('\u0000')) push({ pointer, kind: 'changed', before: orderX, after: orderY }, `${where}: order of the ${parentKey ?? 'items'} changed`);
        return;
      }
      if (x.every((v) => !isObj(v) && !Array.isArray(v)) && y.every((v) => !isObj(v) && !Array.isArray(v))) {
        push({ pointer, kind: 'changed', before: x, after: y }, `${where}${parentKey ? ` ${parentKey}` : ''}: [${x.map(show).join(', ')}] -> [${y.map(show).join(', ')}]`);
        return;
      }
      const n = Math.max(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (i >= x.length) push({ pointer: `${pointer}/${i}`, kind: 'added', after: y[i] }, `${where}: added ${isLeaf(y[i]) ? itemWords(String(i), y[i]) : `item ${i + 1}`}`);
        else if (i >= y.length) push({ pointer: `${pointer}/${i}`, kind: 'removed', before: x[i] }, `${where}: removed ${isLeaf(x[i]) ? itemWords(String(i), x[i]) : `item ${i + 1}`}`);
        else {
          const w = contextWords(parentKey, String(i), y[i]);
          walk(x[i], y[i], `${pointer}/${i}`, w ? [...context, w] : context, parentKey, y);
        }
      }
      return;
    }
    // A limiter's cap in words, as the rest reads: "Domain rating can be at most Bronze (was Silver) when ...".
    const limit = /^\/decisions\/([^/]+)\/limits\/\d+$/.exec(pointer);
    if (limit && isObj(x) && isObj(y) && canonicalJson(x.atMost) !== canonicalJson(y.atMost)) {
      const decision = limit[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
      push({ pointer: `${pointer}/atMost`, kind: 'changed', before: x.atMost, after: y.atMost }, words.limiter(decision, y, x.atMost));
      walk({ ...x, atMost: y.atMost }, y, pointer, context, parentKey, holder);
      return;
    }
    if (isObj(x) && isObj(y)) {
      for (const k of Object.keys(x)) if (!(k in y)) push({ pointer: `${pointer}/${escapePointer(k)}`, kind: 'removed', before: x[k] }, `${where}: removed ${itemWords(k, x[k])}`);
      for (const k of Object.keys(y)) {
        const p = `${pointer}/${escapePointer(k)}`;
        if (!(k in x)) { push({ pointer: p, kind: 'added', after: y[k] }, `${where}: added ${itemWords(k, y[k])}`); continue; }
        const w = contextWords(parentKey, k, y[k]);
        walk(x[k], y[k], p, w ? [...context, w] : context, k, y);
      }
      return;
    }
    // A declared parameter's value: the pack-wide value, or a domain's.
    const param = /^\/parameters\/([^/]+)\/value$/.exec(pointer) ?? /^\/framework\/domains\/\d+\/parameters\/([^/]+)$/.exec(pointer);
    if (param) {
      const name = param[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
      const domain = pointer.startsWith('/framework/') ? `${where}, ` : '';
      push({ pointer, kind: 'changed', before: x, after: y }, `${domain}${words.parameterChange(name, x, y)}`);
      return;
    }
    // A schedule entry's interval, with its unit singular or plural: "every month -> every 3 months".
    const interval = /^\/outcomes\/schedule\/\d+\/every\/(months|days|years)$/.exec(pointer);
    if (interval && !isObj(x) && !isObj(y)) {
      const unit = interval[1]!.slice(0, -1) as 'month' | 'day' | 'year';
      const w = (v: Json): string => (typeof v === 'number' || typeof v === 'string' ? everyWords(v, unit) : show(v));
      push({ pointer, kind: 'changed', before: x, after: y }, `${where}: ${w(x)} -> ${w(y)}`);
      return;
    }
    if (pointer.startsWith('/cases/') && pointer.includes('/want/')) {
      push({ pointer, kind: 'changed', before: x, after: y }, `${where}: expects ${parentKey} ${change(x, y)}`);
      return;
    }
    if (parentKey && WORDING_KEYS.has(parentKey) && typeof x === 'string' && typeof y === 'string') {
      push({ pointer, kind: 'changed', before: x, after: y }, `${where}: ${parentKey === 'message' ? 'message' : 'wording'} "${x}" -> "${y}"`);
      return;
    }
    const label = parentKey === 'output' ? ' gives' : parentKey && parentKey !== 'value' ? ` ${parentKey}` : '';
    push({ pointer, kind: 'changed', before: x, after: y }, `${where}${label}: ${change(x, y)}`);
  };
  walk(a, b, '', [], undefined);
  // Rule and threshold changes are what a reviewer reads first; the cases that follow them come after.
  const ordered = [...changes.filter((c) => !isCaseChange(c)), ...changes.filter(isCaseChange)];
  return { from: { id: a.metadata?.id, version: a.metadata?.version }, to: { id: b.metadata?.id, version: b.metadata?.version }, changes: ordered };
}
