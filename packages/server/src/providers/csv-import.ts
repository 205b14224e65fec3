import { randomUUID } from 'node:crypto';
import { CsvSyntaxError, looksLikeFormula, parseCsv, unguardFormula } from '../csv/index.js';
import { HttpError } from '../http-error.js';
import { schemaProblems } from '../request-body-check.js';
import type { Queryable } from '../store/index.js';
import { providerFieldProblems } from './provider-fields.js';
import type { ProviderField } from './provider-fields.js';
import { providerBodySchema } from './schemas.js';

/** A provider field and the CSV column it is read from. */
export type ColumnMapping = Record<string, string>;

/** What a row whose CQC location id already belongs to a provider of the council does. */
export type OnExisting = 'update' | 'reject';

/** The values `onExisting` may take. */
export const ON_EXISTING: readonly OnExisting[] = ['update', 'reject'];

/** One CSV row that could not be imported. */
export interface ImportRowError {
  /** 1-based line of the row in the CSV text. */
  row: number;
  /** The provider field at fault, as a JSON pointer (e.g. `/size/beds`). */
  pointer?: string;
  /** The CSV column (its header name) the value came from, when one cell is at fault. */
  csvColumn?: string;
  message: string;
}

/**
 * A cell imported as it stands that deserves a look: text a spreadsheet would run as a formula
 * (stored as sent; the export guards it), or a cell the export guarded, read back without its `'`.
 */
export interface ImportRowWarning {
  /** 1-based line of the row in the CSV text. */
  row: number;
  /** The CSV column (its header name) of the cell. */
  csvColumn: string;
  /** The provider field the column maps to, as a JSON pointer. */
  pointer: string;
  message: string;
}

/** What happened to one data row of the CSV. */
export type RowOutcome = 'inserted' | 'updated' | 'unchanged' | 'rejected';

/** One data row of the CSV and what the import did with it. */
export interface ImportRowResult {
  /** 1-based line of the row in the CSV text (as in {@link ImportRowError.row}). */
  row: number;
  outcome: RowOutcome;
  /** The provider inserted, updated or left unchanged. */
  id?: string;
  cqcLocationId?: string;
  /** The provider's revision after the import. */
  revision?: number;
  /** Updated rows: the fields that changed, e.g. `["name", "size.beds"]`. */
  changed?: string[];
}

/** What an import did. */
export interface ImportReport {
  /** Providers inserted (new CQC location ids, and rows without one). */
  imported: number;
  /** Existing providers (matched by CQC location id) whose mapped fields changed. */
  updated: number;
  /** Existing providers the row matched and changed nothing in (their revision is not bumped). */
  unchanged: number;
  /** Rows not written (each has one or more entries in `errors`). */
  rejected: number;
  /** Ids of created providers, in row order. */
  ids: string[];
  /** Ids of updated providers, in row order. */
  updatedIds: string[];
  /** Every data row, in file order, with its outcome. */
  rows: ImportRowResult[];
  errors: ImportRowError[];
  /** Cells imported that a spreadsheet would read as formulas (see {@link ImportRowWarning}). */
  warnings: ImportRowWarning[];
  strict: boolean;
  onExisting: OnExisting;
}

/** A provider's stored fields, as audit hashes see them. */
export interface StoredProviderFields {
  name: string;
  cqcLocationId: string | null;
  serviceType: string | null;
  size: Record<string, number>;
  facts: Record<string, string>;
}

/** One provider the import wrote, for the audit entry. */
export interface ImportChange {
  id: string;
  kind: 'inserted' | 'updated';
  before?: StoredProviderFields;
  after: StoredProviderFields;
}

/** The report, and what was written (for the audit entry). */
export interface ImportResult {
  report: ImportReport;
  changes: ImportChange[];
}

interface ProviderInput {
  name: string;
  cqcLocationId?: string | null;
  serviceType?: string | null;
  size?: Record<string, number>;
  facts?: Record<string, string>;
}

interface ExistingRow {
  id: string;
  name: string;
  cqc_location_id: string;
  service_type: string | null;
  size: Record<string, number>;
  facts: Record<string, string>;
  revision: number;
}

const DEFAULT_FIELDS = ['name', 'cqcLocationId', 'serviceType'];

/** Reads one text cell: a formula-like cell is kept as sent and a guarded one (`'=...`) unguarded, each with a warning. */
function readTextCell(raw: string, csvColumn: string, field: string, warn: (w: Omit<ImportRowWarning, 'row'>) => void): string {
  const pointer = `/${field}`;
  const unguarded = unguardFormula(raw);
  if (unguarded !== undefined) {
    warn({ csvColumn, pointer, message: `${csvColumn}: read as ${JSON.stringify(unguarded)}, without the leading ' the export adds to formula-like text` });
    return unguarded;
  }
  if (looksLikeFormula(raw)) {
    warn({ csvColumn, pointer, message: `${csvColumn}: ${JSON.stringify(raw)} starts like a spreadsheet formula; stored as sent, exported with a leading '` });
  }
  return raw;
}

function rowToProvider(
  header: string[],
  fields: string[],
  mapping: ColumnMapping,
  warn: (w: Omit<ImportRowWarning, 'row'>) => void,
): { value: ProviderInput; problems: string[] } {
  const problems: string[] = [];
  const cell = (column: string) => {
    const i = header.indexOf(column);
    return i < 0 ? undefined : (fields[i] ?? '').trim();
  };
  const value: Record<string, unknown> = {};
  const size: Record<string, number> = {};
  const facts: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) {
    const raw = cell(column);
    if (raw === undefined || raw === '') continue;
    if (field.startsWith('size.')) {
      const n = Number(raw);
      if (!Number.isFinite(n)) problems.push(`${column}: "${raw}" is not a number`);
      else size[field.slice(5)] = n;
    } else if (field.startsWith('facts.')) facts[field.slice(6)] = readTextCell(raw, column, field.replace('.', '/'), warn);
    else value[field] = readTextCell(raw, column, field, warn);
  }
  if (Object.keys(size).length > 0) value.size = size;
  if (Object.keys(facts).length > 0) value.facts = facts;
  return { value: value as unknown as ProviderInput, problems };
}

/**
 * The stored fields of an existing provider after a row is applied: mapped columns with a value
 * replace the stored one; blank cells and unmapped columns leave it alone (an import never erases).
 * Size facts merge by key.
 */
function applyRow(before: StoredProviderFields, value: ProviderInput): { after: StoredProviderFields; changed: string[] } {
  const after: StoredProviderFields = {
    name: value.name,
    cqcLocationId: before.cqcLocationId,
    serviceType: value.serviceType ?? before.serviceType,
    size: { ...before.size, ...value.size },
    facts: { ...before.facts, ...value.facts },
  };
  const changed: string[] = [];
  if (after.name !== before.name) changed.push('name');
  if (after.serviceType !== before.serviceType) changed.push('serviceType');
  for (const key of Object.keys(value.size ?? {}).sort()) {
    if (after.size[key] !== before.size[key]) changed.push(`size.${key}`);
  }
  for (const key of Object.keys(value.facts ?? {}).sort()) {
    if (after.facts[key] !== before.facts[key]) changed.push(`facts.${key}`);
  }
  return { after, changed };
}

function existingFields(r: ExistingRow): StoredProviderFields {
  return { name: r.name, cqcLocationId: r.cqc_location_id, serviceType: r.service_type, size: r.size ?? {}, facts: r.facts ?? {} };
}

type Plan =
  | { row: number; kind: 'insert'; value: ProviderInput }
  | { row: number; kind: 'update'; existing: ExistingRow; after: StoredProviderFields; changed: string[] }
  | { row: number; kind: 'unchanged'; existing: ExistingRow };

/**
 * Imports providers from CSV with a column mapping, in the caller's transaction. A row whose CQC
 * location id belongs to a provider of this council updates that provider's mapped fields
 * (`onExisting: "update"`, the default) or is a bad row (`"reject"`); a row that would change
 * nothing is reported unchanged and leaves the revision alone. New CQC ids and rows without one
 * insert. A CQC id on two rows of the file is a bad row (the second). Each row is checked against
 * the council's provider fields (`fields`, from its pack: service types, CQC ratings, dates, size
 * bounds). Bad rows are reported by line and CSV column; in strict mode any bad row means nothing
 * is written (422 with the report).
 */
export async function importProviders(
  tx: Queryable,
  args: { councilId: string; csv: string; mapping?: ColumnMapping; strict: boolean; onExisting?: OnExisting; fields?: ProviderField[] },
): Promise<ImportResult> {
  const onExisting = args.onExisting ?? 'update';
  let rows;
  try {
    rows = parseCsv(args.csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new HttpError(400, 'malformed-csv', error.message, { details: [{ message: error.message, line: error.line }] });
    }
    throw error;
  }
  const [head, ...body] = rows;
  if (!head) throw new HttpError(422, 'empty-csv', 'The CSV has no header row');
  const header = head.fields.map((h) => h.trim());
  refuseNul(rows, header);
  const mapping: ColumnMapping =
    args.mapping ??
    Object.fromEntries(header.filter((h) => DEFAULT_FIELDS.includes(h) || /^(size|facts)\.[A-Za-z][A-Za-z0-9]*$/.test(h)).map((f) => [f, f]));
  const missing = Object.entries(mapping).filter(([, column]) => !header.includes(column));
  if (missing.length > 0) {
    throw new HttpError(422, 'unknown-column', 'The mapping names columns the CSV does not have', {
      details: missing.map(([field, column]) => ({ pointer: `/mapping/${field}`, message: `no column "${column}"` })),
    });
  }
  if (!mapping.name) {
    throw new HttpError(422, 'invalid-body', 'The mapping must say which column holds the provider name', {
      details: [{ pointer: '/mapping/name', message: 'is required' }],
    });
  }

  // 1. Read every row: cell problems, schema problems, CQC ids repeated within the file.
  const errors: ImportRowError[] = [];
  const warnings: ImportRowWarning[] = [];
  const good: { row: number; value: ProviderInput }[] = [];
  const firstLineOf = new Map<string, number>();
  const cqcOfRow = new Map<number, string>();
  for (const r of body) {
    const { value, problems } = rowToProvider(header, r.fields, mapping, (w) => warnings.push({ row: r.line, ...w }));
    let bad = problems.length > 0;
    for (const message of problems) errors.push({ row: r.line, message });
    // Problems of the row's values: of JSON type and shape (the body schema), then against the
    // pack's fields; each named by the CSV column it came from. One message per field.
    const columnOf = (pointer: string) => mapping[pointer.slice(1).replace('/', '.')];
    const schemaErrors = schemaProblems(providerBodySchema, value).map((e) => ({ pointer: e.pointer, message: `${e.pointer || 'row'} ${e.message}` }));
    const fieldErrors = providerFieldProblems(value, args.fields ?? []).filter((p) => !schemaErrors.some((e) => e.pointer === p.pointer));
    for (const e of [...schemaErrors, ...fieldErrors]) {
      const csvColumn = e.pointer ? columnOf(e.pointer) : undefined;
      errors.push({ row: r.line, pointer: e.pointer, ...(csvColumn ? { csvColumn, message: `${csvColumn}: ${e.message}` } : { message: e.message }) });
      bad = true;
    }
    const cqc = typeof value.cqcLocationId === 'string' ? value.cqcLocationId : undefined;
    if (cqc !== undefined) {
      cqcOfRow.set(r.line, cqc);
      const first = firstLineOf.get(cqc);
      if (first === undefined) firstLineOf.set(cqc, r.line);
      else {
        bad = true;
        errors.push({
          row: r.line,
          pointer: '/cqcLocationId',
          message: `CQC location id ${cqc} is also on line ${first}: the file gives two rows for one location`,
        });
      }
    }
    if (!bad) good.push({ row: r.line, value });
  }

  // 2. The council's providers with those CQC ids, locked until the import commits.
  const cqcIds = good.map((g) => g.value.cqcLocationId).filter((id): id is string => typeof id === 'string');
  const existing = new Map<string, ExistingRow>();
  if (cqcIds.length > 0) {
    const found = await tx.query<ExistingRow>(
      `SELECT id, name, cqc_location_id, service_type, size, facts, revision FROM providers
        WHERE council_id = $1 AND cqc_location_id IN (SELECT jsonb_array_elements_text($2::jsonb))
        ORDER BY id FOR UPDATE`,
      [args.councilId, JSON.stringify(cqcIds)],
    );
    for (const f of found) existing.set(f.cqc_location_id, f);
  }

  // 3. What each good row will do.
  const plans: Plan[] = [];
  for (const { row, value } of good) {
    const match = typeof value.cqcLocationId === 'string' ? existing.get(value.cqcLocationId) : undefined;
    if (!match) plans.push({ row, kind: 'insert', value });
    else if (onExisting === 'reject') {
      errors.push({ row, pointer: '/cqcLocationId', message: `a provider with CQC location id ${value.cqcLocationId} already exists` });
    } else {
      const { after, changed } = applyRow(existingFields(match), value);
      plans.push(changed.length === 0 ? { row, kind: 'unchanged', existing: match } : { row, kind: 'update', existing: match, after, changed });
    }
  }
  if (args.strict && errors.length > 0) throw importRefused(errors);

  // 4. Write, in row order.
  const results: ImportRowResult[] = [];
  const changes: ImportChange[] = [];
  for (const plan of plans) {
    if (plan.kind === 'insert') {
      const { value } = plan;
      const id = randomUUID();
      const inserted = await tx.query<{ id: string; revision: number }>(
        `INSERT INTO providers (id, council_id, name, cqc_location_id, service_type, size, facts)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (council_id, cqc_location_id) DO NOTHING RETURNING id, revision`,
        [id, args.councilId, value.name, value.cqcLocationId ?? null, value.serviceType ?? null, JSON.stringify(value.size ?? {}), JSON.stringify(value.facts ?? {})],
      );
      if (inserted.length === 0) {
        // Another request added this CQC id after step 2 read the council's providers.
        errors.push({ row: plan.row, pointer: '/cqcLocationId', message: `a provider with CQC location id ${value.cqcLocationId} was added while importing: import again` });
        continue;
      }
      results.push({ row: plan.row, outcome: 'inserted', id, ...cqcField(value.cqcLocationId), revision: inserted[0]!.revision });
      changes.push({
        id,
        kind: 'inserted',
        after: { name: value.name, cqcLocationId: value.cqcLocationId ?? null, serviceType: value.serviceType ?? null, size: value.size ?? {}, facts: value.facts ?? {} },
      });
    } else if (plan.kind === 'update') {
      const { existing: e, after } = plan;
      const [updated] = await tx.query<{ revision: number }>(
        `UPDATE providers SET name = $3, service_type = $4, size = $5, facts = $6, revision = revision + 1, updated_at = now()
          WHERE council_id = $1 AND id = $2 RETURNING revision`,
        [args.councilId, e.id, after.name, after.serviceType, JSON.stringify(after.size), JSON.stringify(after.facts)],
      );
      results.push({ row: plan.row, outcome: 'updated', id: e.id, cqcLocationId: e.cqc_location_id, revision: updated!.revision, changed: plan.changed });
      changes.push({ id: e.id, kind: 'updated', before: existingFields(e), after });
    } else {
      results.push({ row: plan.row, outcome: 'unchanged', id: plan.existing.id, cqcLocationId: plan.existing.cqc_location_id, revision: plan.existing.revision });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  if (args.strict && errors.length > 0) throw importRefused(errors);

  const rejectedRows = [...new Set(errors.map((e) => e.row))];
  for (const row of rejectedRows) results.push({ row, outcome: 'rejected', ...cqcField(cqcOfRow.get(row)) });
  results.sort((a, b) => a.row - b.row);
  const count = (outcome: RowOutcome) => results.filter((r) => r.outcome === outcome).length;
  const ids = changes.filter((c) => c.kind === 'inserted').map((c) => c.id);
  const updatedIds = changes.filter((c) => c.kind === 'updated').map((c) => c.id);
  return {
    report: {
      imported: ids.length,
      updated: updatedIds.length,
      unchanged: count('unchanged'),
      rejected: rejectedRows.length,
      ids,
      updatedIds,
      rows: results,
      errors,
      warnings,
      strict: args.strict,
      onExisting,
    },
    changes,
  };
}

/** PostgreSQL stores no NUL character in text: a CSV holding one is refused whole, naming line and column. */
function refuseNul(rows: { fields: string[]; line: number }[], header: string[]): void {
  for (const r of rows) {
    const i = r.fields.findIndex((f) => f.includes('\0'));
    if (i < 0) continue;
    const csvColumn = r === rows[0] ? `header cell ${i + 1}` : (header[i] ?? `column ${i + 1}`);
    const message = `${csvColumn} contains the NUL character, which cannot be stored`;
    throw new HttpError(422, 'invalid-csv', `Line ${r.line}: ${message}: nothing was imported`, {
      details: [{ row: r.line, line: r.line, csvColumn, message }],
    });
  }
}

function cqcField(cqc: string | null | undefined): { cqcLocationId?: string } {
  return typeof cqc === 'string' ? { cqcLocationId: cqc } : {};
}

function importRefused(errors: ImportRowError[]): HttpError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return new HttpError(422, 'import-refused', `${sorted.length} problem(s) in the CSV: nothing was imported (strict mode)`, {
    details: sorted.map((e) => ({ ...e })),
  });
}
