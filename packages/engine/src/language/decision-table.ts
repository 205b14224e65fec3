/**
 * Decision tables (as in DMN): a decision written as rows by columns, compiled to the engine's
 * ordinary rules, so evaluation, traces, the analyser and `qaf diff` treat each row as a rule
 * (the rule's id is the row's id, its label the row read as a sentence). The decision's hit
 * policy applies to the rows as to any rules; rows come after the decision's own `rules`.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Citation, Condition, Decision, LeafCondition, Pack, Rule } from '../types.js';
import type { Expression } from './expression-type.js';
import { OPERATOR_BY_NAME } from './registry.js';
import { escapePointer } from '../schema/parse-json.js';
import { isParamRef } from './parameters/parameter-declaration.js';
import { parameterWords, valueWordsText } from './parameters/parameter-words.js';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
/** A bound of a comparison cell: a value, or a declared parameter (`{ "param": name }`, compared as a number). */
const BoundValue = Type.Union([Scalar, Type.Object({ param: Type.String() }, { additionalProperties: false })]);
const CitationRef = Type.Unsafe<Citation>({ $ref: '#/$defs/citation' });
const ExpressionRef = Type.Unsafe<Expression>({ $ref: '#/$defs/expression' });

/** The bound keys of a comparison cell, with the operator each compiles to: by scale order for a value on a scale, as numbers for a number. */
export const CELL_BOUNDS = {
  '>=': { scale: 'atLeast', number: 'greaterThanInclusive' },
  '>': { scale: 'above', number: 'greaterThan' },
  '<=': { scale: 'atMost', number: 'lessThanInclusive' },
  '<': { scale: 'below', number: 'lessThan' },
} as const;
const boundOperator = (k: Bound, v: unknown): string => CELL_BOUNDS[k][typeof v === 'number' || isParamRef(v) ? 'number' : 'scale'];
type Bound = keyof typeof CELL_BOUNDS;

/** One cell's test of its column: `"any"`, a value, a list of values, `{ "not": ... }`, bounds, or `{ "operator", "value" }`. */
export const TableCellSchema = Type.Union([
  Scalar,
  Type.Array(Scalar, { minItems: 1 }),
  Type.Object({ not: Type.Union([Scalar, Type.Array(Scalar, { minItems: 1 })]) }, { additionalProperties: false }),
  Type.Object({ '>=': Type.Optional(BoundValue), '>': Type.Optional(BoundValue), '<=': Type.Optional(BoundValue), '<': Type.Optional(BoundValue) }, { additionalProperties: false, minProperties: 1 }),
  Type.Object({ operator: Type.String(), value: Type.Unknown() }, { additionalProperties: false }),
], { description: 'A cell: "any" (no test), a value (equal), a list of values (one of), { "not": value or list }, bounds { ">=": v, "<": w } (scale order, or numbers; a number may be a declared parameter { "param": name }), or { "operator": name, "value": v }.' });

/** An input column: a fact (with its params and path, as in a leaf condition) and its heading. */
export const TableColumnSchema = Type.Object({
  fact: Type.String({ description: 'The fact the column tests: an input, a decision (or `<decision>.<domainId>`), a built-in or a plugin fact.' }),
  params: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'The fact\'s parameters, as in a leaf condition.' })),
  path: Type.Optional(Type.String({ description: 'A JSON path into the fact\'s value, as in a leaf condition.' })),
  label: Type.Optional(Type.String({ description: 'The column heading, in the council\'s words (the rows\' sentences use it).' })),
}, { additionalProperties: false, description: 'An input column of a decision table.' });

const CellRef = Type.Unsafe<Static<typeof TableCellSchema>>({ $ref: '#/$defs/tableCell' });

/** One row: a cell per input column, the output, and its citation like every rule. */
export const TableRowSchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_.-]+$', description: 'The rule id the row compiles to (unique among the decision\'s rules and rows).' }),
  label: Type.Optional(Type.String({ description: 'Words for the trace instead of the row read as a sentence.' })),
  cells: Type.Array(CellRef, { description: 'One test per input column, in column order.' }),
  output: ExpressionRef,
  source: CitationRef,
  priority: Type.Optional(Type.Number({ description: 'As a rule\'s: higher runs first under hit policy first; ties keep row order.' })),
  interpretation: Type.Optional(Type.String({ description: 'The interpretation the row relies on.' })),
}, { additionalProperties: false, description: 'A row of a decision table: compiled to one rule of the decision.' });

const ColumnRef = Type.Unsafe<Static<typeof TableColumnSchema>>({ $ref: '#/$defs/tableColumn' });
const RowRef = Type.Unsafe<Static<typeof TableRowSchema>>({ $ref: '#/$defs/tableRow' });

/** `decision.table`: input columns and rows; each row becomes a rule of the decision. */
export const DecisionTableSchema = Type.Object({
  inputs: Type.Array(ColumnRef, { minItems: 1 }),
  rows: Type.Array(RowRef, { minItems: 1 }),
}, { additionalProperties: false, description: 'The decision written as a table (DMN): each row is a rule whose conditions are its cells, under the decision\'s hit policy.' });

export type TableCell = Static<typeof TableCellSchema>;
export type TableColumn = Static<typeof TableColumnSchema>;
export type TableRow = Static<typeof TableRowSchema>;
export type DecisionTable = Static<typeof DecisionTableSchema>;

/** The docs rows of the cell forms (docs/pack-schema-reference.md). */
export const TABLE_CELL_FORMS: readonly { syntax: string; doc: string }[] = [
  { syntax: '"any"', doc: 'No test: the column does not matter in this row.' },
  { syntax: '"Silver"', doc: 'The column equals the value (`equal`).' },
  { syntax: '["Gold", "Silver"]', doc: 'The column is one of the values (`in`).' },
  { syntax: '{ "not": "Bronze" }', doc: 'The column is not the value, or not one of a list (`notEqual`, `notIn`).' },
  { syntax: '{ ">=": "Silver" }, { ">": 0, "<=": 2 }, { ">": { "param": name } }', doc: 'Bounds, each stated inclusive (`>=`, `<=`) or exclusive (`>`, `<`): a value on a scale by the column\'s scale order (`atLeast`, `above`, `atMost`, `below`), a number (or a declared parameter, `{ "param": name }`) as a number (`greaterThanInclusive`, `greaterThan`, `lessThanInclusive`, `lessThan`).' },
  { syntax: '{ "operator": "before", "value": "2025-01-01" }', doc: 'Any operator, built-in or a plugin\'s, with its value.' },
];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** How a row's words read a declared parameter (`{ "param": name }`), never by its id. */
export type TableParamWords = (name: string) => string;

/** Without the pack: a parameter reads as what it is, not by its id. */
const NO_PACK: TableParamWords = () => 'the declared number';

/**
 * A parameter in a table's words for a pack (a row's words do not depend on a domain): its
 * pack-wide value where no domain sets its own, else "the domain's number" with each domain's
 * value (see {@link parameterWords}); never its id or its label.
 * @example tableParamWords(pack)('largeOverWeeklyHours') // '2000'
 */
export function tableParamWords(pack: Pick<Pack, 'parameters' | 'framework'>): TableParamWords {
  return (name) => valueWordsText(parameterWords(pack, name));
}

/** A cell's value in words; a declared parameter by `pw`. */
const show = (v: unknown, pw: TableParamWords = NO_PACK): string => (typeof v === 'string' ? v : isParamRef(v) ? pw(v.param) : JSON.stringify(v));

/** The leaf conditions of one cell (none for "any"). */
export function cellConditions(col: TableColumn, cell: TableCell): LeafCondition[] {
  const leaf = (operator: string, value: unknown): LeafCondition => ({
    fact: col.fact, operator, value, ...(col.params ? { params: col.params } : {}), ...(col.path ? { path: col.path } : {}),
  });
  if (cell === 'any') return [];
  if (Array.isArray(cell)) return [leaf('in', cell)];
  if (!isObj(cell)) return [leaf('equal', cell)];
  if ('not' in cell) return [leaf(Array.isArray(cell.not) ? 'notIn' : 'notEqual', cell.not)];
  if ('operator' in cell) return [leaf(cell.operator as string, cell.value)];
  const bounds = cell as Record<string, unknown>;
  return (Object.keys(CELL_BOUNDS) as Bound[]).filter((k) => bounds[k] !== undefined).map((k) => leaf(boundOperator(k, bounds[k]), bounds[k]));
}

/** Every value a cell names (for the scale check), with the pointer below the cell where it is. */
export function cellValues(cell: TableCell): { value: unknown; at: string }[] {
  if (cell === 'any') return [];
  if (Array.isArray(cell)) return cell.map((value, i) => ({ value, at: `/${i}` }));
  if (!isObj(cell)) return [{ value: cell, at: '' }];
  if ('not' in cell) return Array.isArray(cell.not) ? cell.not.map((value, i) => ({ value, at: `/not/${i}` })) : [{ value: cell.not, at: '/not' }];
  if ('operator' in cell) return [];
  // A declared parameter is a number (checked where its rule's condition is): not a scale value.
  return Object.entries(cell).filter(([, value]) => !isParamRef(value)).map(([k, value]) => ({ value, at: `/${escapePointer(k)}` }));
}

/** A cell in words after its column's heading: "is at least Silver"; a parameter by `pw` (see {@link tableParamWords}). */
export function cellWords(cell: TableCell, pw: TableParamWords = NO_PACK): string | undefined {
  const show1 = (v: unknown): string => show(v, pw);
  const words = (op: string): string => OPERATOR_BY_NAME.get(op)?.words ?? op;
  if (cell === 'any') return undefined;
  if (Array.isArray(cell)) return `${words('in')} ${cell.map(show1).join(', ')}`;
  if (!isObj(cell)) return `${words('equal')} ${show1(cell)}`;
  if ('not' in cell) return Array.isArray(cell.not) ? `${words('notIn')} ${cell.not.map(show1).join(', ')}` : `${words('notEqual')} ${show1(cell.not)}`;
  if ('operator' in cell) return `${words(cell.operator as string)} ${show1(cell.value)}`;
  const bounds = cell as Record<string, unknown>;
  return (Object.keys(CELL_BOUNDS) as Bound[]).filter((k) => bounds[k] !== undefined)
    .map((k) => `${words(boundOperator(k, bounds[k]))} ${show1(bounds[k])}`).join(' and ');
}

/** A column's heading: its label, else its fact (and path). */
export function columnWords(col: TableColumn): string {
  return col.label ?? `${col.fact}${col.path ? ` ${col.path}` : ''}`;
}

/**
 * A row read as a sentence, for the trace and the diff: "If Overall rating is Gold and Gold
 * domains is 2, then 75". The row's own `label`, when it has one, is used instead.
 */
export function rowWords(table: DecisionTable, row: TableRow, pw: TableParamWords = NO_PACK): string {
  if (row.label) return row.label;
  const parts = row.cells.flatMap((c, i) => {
    const w = cellWords(c, pw);
    const col = table.inputs[i];
    return w && col ? [`${columnWords(col)} ${w}`] : [];
  });
  return `${parts.length ? `If ${parts.join(' and ')}` : 'In any case'}, then ${show(row.output, pw)}`;
}

/** Where a compiled rule came from: its row's pointer and, for each leaf of its `all`, the cell's index. */
export interface RowOrigin { decisionId: string; row: number; cellOfLeaf: number[] }

/** The rule a row compiles to (a rule of the decision, id the row's id). */
export function rowRule(table: DecisionTable, row: TableRow, pw: TableParamWords = NO_PACK): { rule: Rule; cellOfLeaf: number[] } {
  const all: Condition[] = [];
  const cellOfLeaf: number[] = [];
  row.cells.forEach((cell, i) => {
    const col = table.inputs[i];
    if (!col) return;
    const leaves = cellConditions(col, cell);
    if (leaves.length === 0) return;
    all.push(leaves.length === 1 ? leaves[0]! : { all: leaves });
    cellOfLeaf.push(i);
  });
  return {
    rule: {
      id: row.id, label: rowWords(table, row, pw), when: { all }, output: row.output, source: row.source,
      ...(row.priority !== undefined ? { priority: row.priority } : {}),
      ...(row.interpretation ? { interpretation: row.interpretation } : {}),
    },
    cellOfLeaf,
  };
}

/**
 * The pack with every decision table compiled to rules: each table's rows are appended to its
 * decision's rules and the `table` is dropped (so expanding twice changes nothing). `origins`
 * maps a compiled rule's pointer (`/decisions/<id>/rules/<n>`) to its row. Rows whose number of
 * cells is wrong are left out (the table's meaning check reports them).
 */
export function expandDecisionTables(pack: Pack): { pack: Pack; origins: Map<string, RowOrigin> } {
  const origins = new Map<string, RowOrigin>();
  if (!Object.values(pack.decisions).some((d) => d.table)) return { pack, origins };
  const decisions: Record<string, Decision> = {};
  const pw = tableParamWords(pack);
  for (const [id, d] of Object.entries(pack.decisions)) {
    if (!d.table) { decisions[id] = d; continue; }
    const { table, ...rest } = d;
    const rules = [...(d.rules ?? [])];
    table.rows.forEach((row, ri) => {
      if (row.cells.length !== table.inputs.length) return;
      const { rule, cellOfLeaf } = rowRule(table, row, pw);
      origins.set(`/decisions/${escapePointer(id)}/rules/${rules.length}`, { decisionId: id, row: ri, cellOfLeaf });
      rules.push(rule);
    });
    decisions[id] = { ...rest, rules };
  }
  const expanded = { ...pack, decisions };
  originsOfExpanded.set(expanded, origins);
  return { pack: expanded, origins };
}

/** The row origins of each pack `expandDecisionTables` made, kept for as long as that pack is. */
const originsOfExpanded = new WeakMap<Pack, ReadonlyMap<string, RowOrigin>>();

/**
 * The row origins of a pack as `expandDecisionTables` gave it (a compiled pack's `pack`): where
 * each of its rules that came from a table row was written. Empty for any other pack.
 * @example tablePointer('/decisions/score/rules/3', rowOriginsOf(compiled.pack)) // '/decisions/score/table/rows/3'
 */
export function rowOriginsOf(pack: Pack): ReadonlyMap<string, RowOrigin> {
  return originsOfExpanded.get(pack) ?? new Map();
}

/**
 * A pointer into the expanded pack, mapped back to the table it came from: a leaf of a row's rule
 * to its cell (or, for its fact or params, to the column), its output, id, source or
 * interpretation to the row's.
 */
export function tablePointer(pointer: string, origins: ReadonlyMap<string, RowOrigin>): string {
  const m = /^(\/decisions\/[^/]+\/rules\/\d+)(.*)$/.exec(pointer);
  const origin = m ? origins.get(m[1]!) : undefined;
  if (!m || !origin) return pointer;
  const table = `/decisions/${escapePointer(origin.decisionId)}/table`;
  const row = `${table}/rows/${origin.row}`;
  const rest = m[2]!;
  const leaf = /^\/when\/all\/(\d+)(.*)$/.exec(rest);
  if (leaf) {
    const cell = origin.cellOfLeaf[Number(leaf[1])]!;
    const inLeaf = leaf[2]!.replace(/^\/all\/\d+/, '');
    if (/^\/(fact|params|path)/.test(inLeaf)) return `${table}/inputs/${cell}${inLeaf}`;
    return `${row}/cells/${cell}`;
  }
  if (rest.startsWith('/when')) return `${row}/cells`;
  return `${row}${rest}`;
}

/** What the table's meaning check needs of the pack: a column's ordered scale values, if it has them. */
export interface TableCheckContext {
  /** The values of the ordered scale of a fact, or undefined when it has none. */
  scaleValues: (col: TableColumn) => { scale: string; values: readonly string[] } | undefined;
  err: (pointer: string, message: string, hint?: string) => void;
}

/** The table's own meaning checks: one cell per column, and every cell value on its column's scale. */
export function checkDecisionTable(id: string, table: DecisionTable, ctx: TableCheckContext): void {
  const p = `/decisions/${escapePointer(id)}/table`;
  const headings = table.inputs.map(columnWords).join(', ');
  table.rows.forEach((row, ri) => {
    const rp = `${p}/rows/${ri}`;
    if (row.cells.length !== table.inputs.length) {
      ctx.err(`${rp}/cells`, `Row "${row.id}" has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}, but the table has ${table.inputs.length} input column${table.inputs.length === 1 ? '' : 's'} (${headings}).`, 'Give one cell per input column, in column order; write "any" where a column does not matter.');
      return;
    }
    row.cells.forEach((cell, ci) => {
      const col = table.inputs[ci]!;
      const scale = ctx.scaleValues(col);
      if (!scale) return;
      for (const { value, at } of cellValues(cell)) {
        if (typeof value !== 'string' || !scale.values.includes(value)) {
          ctx.err(`${rp}/cells/${ci}${at}`, `${JSON.stringify(value)} is not a value of scale "${scale.scale}" (column "${columnWords(col)}").`, `Values: ${scale.values.join(', ')}, or "any".`);
        }
      }
    });
  });
}
