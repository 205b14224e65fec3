import type { Criterion, Domain, Framework, Standard } from '../schema/shapes/framework.js';
import { IdSchema } from '../schema/shapes/citation.js';
import { CsvSyntaxError, parseCsv } from './csv-parse.js';
import { withCountedParameters, type CountParameterChange } from '../language/parameters/parameter-counts.js';

/**
 * The criteria list a quality lead loads from a spreadsheet: one criterion a row, under a header
 * row naming these columns (any order, any case).
 */
export const CRITERIA_CSV_COLUMNS = ['id', 'wording', 'domain', 'standard', 'mandatory', 'advanced'] as const;
export type CriteriaCsvColumn = (typeof CRITERIA_CSV_COLUMNS)[number];

/** One thing wrong with the CSV: its 1-based line, the column when one is to blame, and what is wrong. */
export interface CriteriaCsvProblem {
  line: number;
  column?: CriteriaCsvColumn | string;
  message: string;
}

/** How many criteria, Mandatory and Advanced, the CSV gives a domain. */
export interface CriteriaCsvDomainCount {
  domain: string;
  criteria: number;
  mandatory: number;
  advanced: number;
}

/**
 * The outcome of {@link importCriteriaCsv}: the pack with the new criteria, or every problem (and no
 * pack). `parameters` lists the counting parameters (declared with `counts`) the import set to the
 * new counts, e.g. `{ parameter: 'mandatoryCriteria', domain: 'safeguarding', from: 5, to: 4 }`.
 */
export type CriteriaCsvResult =
  | { ok: true; pack: Record<string, unknown>; criteria: number; domains: CriteriaCsvDomainCount[]; parameters: CountParameterChange[] }
  | { ok: false; problems: CriteriaCsvProblem[] };

const ID = new RegExp(IdSchema.pattern!);
const FLAG_COLUMNS = ['mandatory', 'advanced'] as const;
const norm = (s: string) => s.trim().toLowerCase();

interface Row {
  line: number;
  id: string;
  wording: string;
  domain?: Domain;
  standard?: Standard;
  flags: string[];
}

function yesNo(value: string): boolean | undefined {
  const v = norm(value);
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

/** Finds a domain or standard by its id or its title, ignoring case and surrounding spaces. */
function byIdOrTitle<T extends { id: string; title: string }>(list: T[], value: string): T | undefined {
  const v = norm(value);
  return list.find((x) => norm(x.id) === v) ?? list.find((x) => norm(x.title) === v);
}

function headerProblems(header: string[]): { problems: CriteriaCsvProblem[]; at: Map<CriteriaCsvColumn, number> } {
  const problems: CriteriaCsvProblem[] = [];
  const at = new Map<CriteriaCsvColumn, number>();
  header.forEach((name, i) => {
    const col = CRITERIA_CSV_COLUMNS.find((c) => c === norm(name));
    if (!col) problems.push({ line: 1, column: name, message: `Unknown column "${name}"; the columns are ${CRITERIA_CSV_COLUMNS.join(', ')}` });
    else if (at.has(col)) problems.push({ line: 1, column: col, message: `Column "${col}" is named twice` });
    else at.set(col, i);
  });
  for (const col of CRITERIA_CSV_COLUMNS) if (!at.has(col)) problems.push({ line: 1, column: col, message: `The header row has no "${col}" column` });
  return { problems, at };
}

/**
 * Reads a criteria list (columns {@link CRITERIA_CSV_COLUMNS}) into a copy of `pack` whose
 * framework holds exactly these criteria, in CSV order under their standards. Domains and standards
 * are named by id or title and must already be in the framework; `mandatory` and `advanced` are
 * yes/no and set the flags of those names. Parameters declared with `counts` (the criteria, Mandatory
 * or Advanced criteria, standards of each domain) are set to the new counts, so the bands stay true
 * to the loaded list; thresholds are not changed (validation says where one no longer fits). A criterion whose id the framework already has keeps its
 * weight, tags, judgements and description; none is a placeholder any more. Pure: `pack` is not
 * changed, and any bad row (unknown domain or standard, duplicate or malformed id, missing wording,
 * a flag not yes/no) gives every problem with its line and column instead of a pack.
 * @example importCriteriaCsv(draft, 'id,wording,domain,standard,mandatory,advanced\ninv-01,Care plans are agreed,involvement,inv-a,yes,no\n')
 */
export function importCriteriaCsv(pack: Record<string, unknown>, text: string): CriteriaCsvResult {
  const framework = pack.framework as Framework | undefined;
  if (!framework || !Array.isArray(framework.domains)) return { ok: false, problems: [{ line: 1, message: 'The pack has no framework with domains to load criteria into' }] };
  let rows: { fields: string[]; line: number }[];
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, problems: [{ line: e.line, message: e.message.replace(/ \(line \d+\)$/, '') }] };
    throw e;
  }
  const [head, ...body] = rows;
  if (!head) return { ok: false, problems: [{ line: 1, message: 'The file is empty: it needs a header row and one row per criterion' }] };
  const { problems, at } = headerProblems(head.fields);
  if (problems.length) return { ok: false, problems };
  if (!body.length) return { ok: false, problems: [{ line: head.line + 1, message: 'No criteria: the file has a header row only' }] };

  const knownFlags = new Set(Object.keys(framework.flags ?? {}));
  const firstLine = new Map<string, number>();
  const read: Row[] = [];
  for (const { fields, line } of body) {
    const cell = (col: CriteriaCsvColumn) => (fields[at.get(col)!] ?? '').trim();
    const bad = (column: CriteriaCsvColumn, message: string) => problems.push({ line, column, message });
    if (fields.length !== head.fields.length) problems.push({ line, message: `The row has ${fields.length} fields; the header has ${head.fields.length}` });
    const id = cell('id');
    if (!id) bad('id', 'Missing id');
    else if (!ID.test(id)) bad('id', `"${id}" is not an id (letters, digits, ".", "_" and "-", starting with a letter or digit)`);
    else if (firstLine.has(id)) bad('id', `Duplicate id "${id}" (first on line ${firstLine.get(id)})`);
    else firstLine.set(id, line);
    const wording = cell('wording');
    if (!wording) bad('wording', 'Missing wording');
    const domainName = cell('domain');
    const domain = domainName ? byIdOrTitle(framework.domains, domainName) : undefined;
    if (!domainName) bad('domain', 'Missing domain');
    else if (!domain) bad('domain', `Unknown domain "${domainName}"; the domains are ${framework.domains.map((d) => d.id).join(', ')}`);
    const standardName = cell('standard');
    const standard = domain && standardName ? byIdOrTitle(domain.standards, standardName) : undefined;
    if (!standardName) bad('standard', 'Missing standard');
    else if (domain && !standard) bad('standard', `Unknown standard "${standardName}" in domain "${domain.id}"; its standards are ${domain.standards.map((s) => s.id).join(', ')}`);
    const flags: string[] = [];
    for (const col of FLAG_COLUMNS) {
      const v = yesNo(cell(col));
      if (v === undefined) bad(col, `"${cell(col)}" is not yes or no`);
      else if (v && !knownFlags.has(col)) bad(col, `The framework defines no "${col}" flag`);
      else if (v) flags.push(col);
    }
    read.push({ line, id, wording, ...(domain ? { domain } : {}), ...(standard ? { standard } : {}), flags });
  }
  if (problems.length) return { ok: false, problems };
  const loaded = withCriteria(pack, framework, read);
  const counted = withCountedParameters(loaded.pack);
  return { ok: true, ...loaded, pack: counted.pack, parameters: counted.changed };
}

function withCriteria(pack: Record<string, unknown>, framework: Framework, rows: Row[]) {
  const previous = new Map<string, Criterion>();
  for (const d of framework.domains) for (const s of d.standards) for (const c of s.criteria) previous.set(c.id, c);
  const counts: CriteriaCsvDomainCount[] = [];
  const domains = framework.domains.map((d) => {
    const mine = rows.filter((r) => r.domain === d);
    counts.push({ domain: d.id, criteria: mine.length, mandatory: mine.filter((r) => r.flags.includes('mandatory')).length, advanced: mine.filter((r) => r.flags.includes('advanced')).length });
    return {
      ...d,
      standards: d.standards.map((s) => ({
        ...s,
        criteria: mine.filter((r) => r.standard === s).map((r): Criterion => {
          const { placeholder: _p, flags: _f, title: _t, id: _i, ...kept } = previous.get(r.id) ?? ({} as Partial<Criterion>);
          return { id: r.id, title: r.wording, ...(r.flags.length ? { flags: r.flags } : {}), ...kept };
        }),
      })),
    };
  });
  return { pack: { ...pack, framework: { ...framework, domains } }, criteria: rows.length, domains: counts };
}
