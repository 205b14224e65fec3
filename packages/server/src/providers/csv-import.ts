import { randomUUID } from 'node:crypto';
import { parseCsv, CsvSyntaxError } from '../csv/index.js';
import { HttpError } from '../http-error.js';
import { schemaProblems } from '../request-body-check.js';
import type { Queryable } from '../store/index.js';
import { providerBodySchema } from './schemas.js';

/** A provider field and the CSV column it is read from. */
export type ColumnMapping = Record<string, string>;

/** One CSV row that could not be imported. */
export interface ImportRowError {
  /** 1-based line of the row in the CSV text. */
  row: number;
  pointer?: string;
  message: string;
}

/** What an import did. */
export interface ImportReport {
  imported: number;
  /** Ids of created providers, in row order. */
  ids: string[];
  errors: ImportRowError[];
  strict: boolean;
}

interface ProviderInput {
  name: string;
  cqcLocationId?: string | null;
  serviceType?: string | null;
  size?: Record<string, number>;
}

const DEFAULT_FIELDS = ['name', 'cqcLocationId', 'serviceType'];

function rowToProvider(header: string[], fields: string[], mapping: ColumnMapping): { value: ProviderInput; problems: string[] } {
  const problems: string[] = [];
  const cell = (column: string) => {
    const i = header.indexOf(column);
    return i < 0 ? undefined : (fields[i] ?? '').trim();
  };
  const value: Record<string, unknown> = {};
  const size: Record<string, number> = {};
  for (const [field, column] of Object.entries(mapping)) {
    const raw = cell(column);
    if (raw === undefined || raw === '') continue;
    if (field.startsWith('size.')) {
      const n = Number(raw);
      if (!Number.isFinite(n)) problems.push(`${column}: "${raw}" is not a number`);
      else size[field.slice(5)] = n;
    } else value[field] = raw;
  }
  if (Object.keys(size).length > 0) value.size = size;
  return { value: value as unknown as ProviderInput, problems };
}

/**
 * Imports providers from CSV with a column mapping. Bad rows are reported by line; good rows
 * go in one transaction (an existing CQC location id is a bad row). In strict mode any bad row
 * means nothing is imported (422 with the report).
 */
export async function importProviders(
  tx: Queryable,
  args: { councilId: string; csv: string; mapping?: ColumnMapping; strict: boolean },
): Promise<ImportReport> {
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
  const mapping: ColumnMapping =
    args.mapping ??
    Object.fromEntries(header.filter((h) => DEFAULT_FIELDS.includes(h) || /^size\.[A-Za-z][A-Za-z0-9]*$/.test(h)).map((f) => [f, f]));
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

  const errors: ImportRowError[] = [];
  const good: { row: number; value: ProviderInput }[] = [];
  for (const r of body) {
    const { value, problems } = rowToProvider(header, r.fields, mapping);
    for (const message of problems) errors.push({ row: r.line, message });
    const schemaErrors = schemaProblems(providerBodySchema, value);
    for (const e of schemaErrors) errors.push({ row: r.line, pointer: e.pointer, message: `${e.pointer || 'row'} ${e.message}` });
    if (problems.length === 0 && schemaErrors.length === 0) good.push({ row: r.line, value });
  }
  if (args.strict && errors.length > 0) throw importRefused(errors);

  const ids: string[] = [];
  for (const { row, value } of good) {
    const id = randomUUID();
    const inserted = await tx.query(
      `INSERT INTO providers (id, council_id, name, cqc_location_id, service_type, size)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (council_id, cqc_location_id) DO NOTHING RETURNING id`,
      [id, args.councilId, value.name, value.cqcLocationId ?? null, value.serviceType ?? null, JSON.stringify(value.size ?? {})],
    );
    if (inserted.length === 0) {
      errors.push({ row, pointer: '/cqcLocationId', message: `a provider with CQC location id ${value.cqcLocationId} already exists` });
    } else ids.push(id);
  }
  errors.sort((a, b) => a.row - b.row);
  if (args.strict && errors.length > 0) throw importRefused(errors);
  return { imported: ids.length, ids, errors, strict: args.strict };
}

function importRefused(errors: ImportRowError[]): HttpError {
  return new HttpError(422, 'import-refused', `${errors.length} problem(s) in the CSV: nothing was imported (strict mode)`, {
    details: errors.map((e) => ({ ...e, message: e.message })),
  });
}
