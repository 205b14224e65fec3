import { compile, evaluateCompiled, packHash } from '../engine/index.js';
import { FINAL_ASSESSMENT_SQL } from '../assessments/current-determination.js';
import type { CompiledPack, Determination, Extensions, Pack } from '../engine/index.js';
import { determinationDifferences } from './determination-differences.js';
import type { DeterminationDifference } from './determination-differences.js';
import { HttpError, notFound } from '../http-error.js';
import { findDraft } from '../packs/drafts.js';
import { latestVersion } from '../packs/versions.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { councilParams } from '../routes/query.js';
import type { Queryable } from '../store/index.js';

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

/** The effect of a draft on every provider's latest assessment. */
export interface WhatIfReport {
  published: { version: string; hash: string };
  draft: { revision: number; hash: string };
  providers: number;
  before: Record<string, number>;
  after: Record<string, number>;
  changed: WhatIfChange[];
  unchanged: number;
  errors: { providerId: string; name: string; under: 'published' | 'draft'; message: string }[];
}

interface LatestRow {
  provider_id: string;
  name: string;
  id: string;
  assessment_date: string;
  input: { date: string; judgements?: Record<string, string>; facts?: Record<string, unknown>; note?: string };
}

/** Each provider's latest assessment (by assessment date, then entry time). */
export async function latestAssessments(db: Queryable, councilId: string): Promise<LatestRow[]> {
  return db.query<LatestRow>(
    `SELECT DISTINCT ON (a.provider_id) a.provider_id, p.name, a.id, a.assessment_date, a.input
       FROM assessments a JOIN providers p ON p.id = a.provider_id
      WHERE a.council_id = $1 AND ${FINAL_ASSESSMENT_SQL}
      ORDER BY a.provider_id, a.assessment_date DESC, a.created_at DESC`,
    [councilId],
  );
}

function label(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Evaluates every provider's latest assessment under the published pack and under a draft. */
export function compareUnderPacks(
  rows: LatestRow[],
  published: { pack: Pack; hash: string },
  draft: { pack: Pack; hash: string },
  extensions: Extensions | undefined,
): Omit<WhatIfReport, 'published' | 'draft'> {
  const report: Omit<WhatIfReport, 'published' | 'draft'> = { providers: rows.length, before: {}, after: {}, changed: [], unchanged: 0, errors: [] };
  // Each pack compiled once for all providers; a pack that does not compile is each provider's error, as before.
  const compiledOrError = (p: { pack: Pack; hash: string }): CompiledPack | Error => {
    try {
      return compile(p.pack, extensions, p.hash);
    } catch (error) {
      return error as Error;
    }
  };
  const packs = [['published', compiledOrError(published)], ['draft', compiledOrError(draft)]] as const;
  for (const row of rows) {
    const { note: _note, ...assessment } = row.input;
    const outcome: Partial<Record<'published' | 'draft', unknown>> = {};
    const determinations: Partial<Record<'published' | 'draft', Determination>> = {};
    for (const [under, compiled] of packs) {
      try {
        if (compiled instanceof Error) throw compiled;
        const d = evaluateCompiled(compiled, assessment, { asOf: row.assessment_date, explain: false });
        determinations[under] = d;
        outcome[under] = d.headline.value;
      } catch (error) {
        report.errors.push({ providerId: row.provider_id, name: row.name, under, message: (error as Error).message });
      }
    }
    if ('published' in outcome) report.before[label(outcome.published)] = (report.before[label(outcome.published)] ?? 0) + 1;
    if ('draft' in outcome) report.after[label(outcome.draft)] = (report.after[label(outcome.draft)] ?? 0) + 1;
    if (!('published' in outcome) || !('draft' in outcome)) continue;
    const differences = determinationDifferences(determinations.published!, determinations.draft!, draft.pack);
    if (differences.length === 0) report.unchanged++;
    else {
      report.changed.push({
        providerId: row.provider_id,
        name: row.name,
        assessmentId: row.id,
        assessmentDate: row.assessment_date,
        before: outcome.published,
        after: outcome.draft,
        headlineChanged: label(outcome.published) !== label(outcome.draft),
        differences,
      });
    }
  }
  report.changed.sort((a, b) => a.name.localeCompare(b.name));
  return report;
}

const whatIfRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/what-if',
  tags: ['drafts'],
  summary: "Every provider's latest assessment under the draft and the published pack: who changes",
  access: 'viewer', packWork: true,
  request: { params: councilParams },
  reply: typed<WhatIfReport>(),
});

/** `POST /api/councils/{council}/what-if`: who would change band if the draft were published. */
export function whatIfRoutes() {
  return apiRouter()
    .openapi(whatIfRoute, async (c) => {
      const council = c.var.council;
      const { db, plugins } = c.var.services;
      const draft = await findDraft(db, council.id);
      if (!draft) throw notFound(`The draft of council "${council.id}"`);
      const published = await latestVersion(db, council.id);
      if (!published) throw notFound(`A published pack of council "${council.id}"`);
      const extensions = plugins.get(council.id)?.extensions;
      const validation = await c.var.services.packJobs.validate(draft.content, council.id, extensions);
      if (!validation.valid || !validation.pack) {
        throw new HttpError(422, 'invalid-pack', 'The draft is invalid', { details: validation.errors.map((e) => ({ ...e })) });
      }
      const draftHash = packHash(validation.pack);
      const rows = await latestAssessments(db, council.id);
      const report = compareUnderPacks(rows, { pack: published.content, hash: published.hash }, { pack: validation.pack, hash: draftHash }, extensions);
      return c.json({
        published: { version: published.version, hash: published.hash },
        draft: { revision: draft.revision, hash: draftHash },
        ...report,
      } satisfies WhatIfReport);
    });
}
