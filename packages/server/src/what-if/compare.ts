/**
 * The work of what-if, free of HTTP and of the store: every provider's latest assessment
 * evaluated under the published pack and under a draft (without explanation: only outputs are
 * compared), and every output compared. Runs on a what-if worker thread (`what-if-worker.ts`)
 * or, for a few providers, on the request thread.
 */
import { compile, evaluateCompiled, recordedEarlier } from '../engine/index.js';
import type { CompiledPack, Determination, Extensions, Pack } from '../engine/index.js';
import { determinationDifferences } from './determination-differences.js';
import type { DeterminationDifference } from './determination-differences.js';

/**
 * One provider whose determination differs between the published pack and the draft: in the
 * headline, or only in a domain's band, the actions, the schedule or a score.
 */
export interface WhatIfChange {
  providerId: string;
  name: string;
  assessmentId: string;
  assessmentDate: string;
  /** The headline under the published pack and under the draft (the same when only other outputs change). */
  before: unknown;
  after: unknown;
  headlineChanged: boolean;
  /** Every output that differs, explained in the council's words. */
  differences: DeterminationDifference[];
}

/** One provider whose assessment a pack refused (or could not evaluate). */
export interface WhatIfError {
  providerId: string;
  name: string;
  under: 'published' | 'draft';
  message: string;
}

/** The effect of a draft on every provider's latest assessment. */
export interface WhatIfReport {
  published: { version: string; hash: string };
  draft: { revision: number; hash: string };
  providers: number;
  before: Record<string, number>;
  after: Record<string, number>;
  changed: WhatIfChange[];
  unchanged: number;
  errors: WhatIfError[];
}

/** The part of a report the comparison makes (the route adds which versions were compared). */
export type WhatIfComparison = Omit<WhatIfReport, 'published' | 'draft'>;

/** The assessment of a row: as stored (the store's JSON text is parsed where it is evaluated). */
export interface AssessmentInput {
  date: string;
  judgements?: Record<string, string>;
  facts?: Record<string, unknown>;
  note?: string;
}

/** One provider's latest assessment; `input` is the stored JSON text or its value. */
export interface LatestRow {
  provider_id: string;
  name: string;
  id: string;
  assessment_date: string;
  /** The date its current determination was made as of (`determined-as-of.ts`); the assessment's date when absent. */
  as_of?: string | null;
  input: string | AssessmentInput;
}

/** A pack to compare under: its content and the hash its determinations cite. */
export interface HashedPack {
  pack: Pack;
  hash: string;
}

function label(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each pack compiled once for all providers; a pack that does not compile is each provider's error, as before. */
function compiledOrError(p: HashedPack, extensions: Extensions | undefined): CompiledPack | Error {
  try {
    return compile(p.pack, extensions, p.hash);
  } catch (error) {
    return error as Error;
  }
}

function evaluated(compiled: CompiledPack | Error, assessment: unknown, asOf: string): Determination {
  if (compiled instanceof Error) throw compiled;
  // A stored assessment's decisions were recorded earlier: they stand under the other pack, marked where they now depart without a reason.
  return evaluateCompiled(compiled, assessment, { asOf, explain: false, recordedEarlier: recordedEarlier(assessment as { decisions?: Record<string, unknown> }) });
}

/** The assessment the engine evaluates: the stored input without its note. */
function assessmentOf(input: string | AssessmentInput): unknown {
  const value = typeof input === 'string' ? (JSON.parse(input) as AssessmentInput) : input;
  if (value === null || typeof value !== 'object' || !('note' in value)) return value;
  const { note: _note, ...assessment } = value;
  return assessment;
}

/** A row's assessment as read and its determination under the published pack. */
interface Kept {
  assessment: unknown;
  before: Determination;
}

/**
 * Each row's assessment (as read from its JSON text) and its determination under one published
 * pack, by assessment id and date, kept from one what-if to the next: an assessment never
 * changes once stored, so neither does its determination under the same pack. Only the rows of
 * the last what-if are kept.
 */
export class PublishedMemo {
  private _kept = new Map<string, Kept>();
  private _next = new Map<string, Kept>();

  constructor(readonly pack: HashedPack) {}

  /** What was kept of a row, if anything. */
  get(row: LatestRow): Kept | undefined {
    return this._kept.get(`${row.id}|${row.assessment_date}|${row.as_of ?? ''}`);
  }

  /** Keeps a row's assessment and determination for the next what-if. */
  keep(row: LatestRow, kept: Kept): void {
    this._next.set(`${row.id}|${row.assessment_date}|${row.as_of ?? ''}`, kept);
  }

  /** Ends a what-if: what it did not ask for is forgotten. */
  settle(): void {
    [this._kept, this._next] = [this._next, new Map()];
  }
}

/**
 * Evaluates every provider's latest assessment under the published pack and under a draft and
 * compares every output. `changed` is sorted by provider name; `errors` are in row order. With
 * `memo` (of the same published pack), determinations under the published pack come from the
 * last what-if where they can.
 */
export function compareUnderPacks(
  rows: readonly LatestRow[],
  published: HashedPack,
  draft: HashedPack,
  extensions: Extensions | undefined,
  memo?: PublishedMemo,
): WhatIfComparison {
  const report: WhatIfComparison = { providers: rows.length, before: {}, after: {}, changed: [], unchanged: 0, errors: [] };
  const [underPublished, underDraft] = [compiledOrError(published, extensions), compiledOrError(draft, extensions)];
  const count = (counts: Record<string, number>, value: unknown) => {
    const key = label(value);
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const row of rows) {
    let assessment: unknown;
    let before: Determination | undefined;
    let after: Determination | undefined;
    const refused = (under: 'published' | 'draft', error: unknown) =>
      report.errors.push({ providerId: row.provider_id, name: row.name, under, message: (error as Error).message });
    try {
      const kept = memo?.get(row);
      assessment = kept ? kept.assessment : assessmentOf(row.input);
      before = kept ? kept.before : evaluated(underPublished, assessment, row.as_of ?? row.assessment_date);
      memo?.keep(row, { assessment, before });
      count(report.before, before.headline.value);
    } catch (error) {
      refused('published', error);
    }
    // Stored JSON text that does not parse is refused once, under the published pack.
    if (assessment !== undefined) {
      try {
        after = evaluated(underDraft, assessment, row.as_of ?? row.assessment_date);
        count(report.after, after.headline.value);
      } catch (error) {
        refused('draft', error);
      }
    }
    if (!before || !after) continue;
    const differences = determinationDifferences(before, after, draft.pack);
    if (differences.length === 0) {
      report.unchanged++;
      continue;
    }
    report.changed.push({
      providerId: row.provider_id,
      name: row.name,
      assessmentId: row.id,
      assessmentDate: row.assessment_date,
      before: before.headline.value,
      after: after.headline.value,
      headlineChanged: label(before.headline.value) !== label(after.headline.value),
      differences,
    });
  }
  memo?.settle();
  report.changed.sort(byName);
  return report;
}

/** The order of the changed providers: by name. */
export function byName(a: WhatIfChange, b: WhatIfChange): number {
  return a.name.localeCompare(b.name);
}
