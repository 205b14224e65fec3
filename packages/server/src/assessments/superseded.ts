import type { Determination } from '../engine/index.js';
import type { Queryable } from '../store/index.js';
import type { SupersededDetermination } from './replies.js';

/** The superseded determinations of these assessments, by assessment id, oldest first. */
export async function supersededOf(db: Queryable, assessmentIds: string[]): Promise<Map<string, SupersededDetermination[]>> {
  const out = new Map<string, SupersededDetermination[]>();
  if (assessmentIds.length === 0) return out;
  const rows = await db.query<{
    assessment_id: string;
    id: string;
    version: string;
    headline: Determination['headline'];
    at: Date;
    superseded_by: string;
    reason: string;
    actor: string | null;
  }>(
    `SELECT d.assessment_id, d.id, v.version, d.result->'headline' AS headline, s.at, s.superseded_by, s.reason, s.actor
       FROM determination_supersessions s
       JOIN determinations d ON d.id = s.determination_id
       JOIN pack_versions v ON v.id = d.pack_version_id
      WHERE d.assessment_id = ANY($1::text[])
      ORDER BY d.created_at, s.at`,
    [assessmentIds],
  );
  for (const r of rows) {
    const list = out.get(r.assessment_id) ?? [];
    list.push({
      determinationId: r.id,
      packVersion: r.version,
      headline: r.headline,
      supersededAt: r.at.toISOString(),
      supersededBy: r.superseded_by,
      reason: r.reason,
      actor: r.actor,
    });
    out.set(r.assessment_id, list);
  }
  return out;
}
