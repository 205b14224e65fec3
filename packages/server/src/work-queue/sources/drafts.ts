import { longDate } from '../../engine/index.js';
import type { QueueItem, QueueSource } from '../queue-item.js';

interface DraftRow {
  id: string;
  provider_id: string;
  provider_name: string;
  visit_date: string | null;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
}

/**
 * Drafts not submitted: visit records still in draft. Due on the visit date the draft records
 * (the day it was started when it has none); overdue once that date has passed and it is still
 * a draft (interpretation "a draft is due on its visit day": no council document sets a deadline
 * for writing the record up). The officer is the one who started it. Its words write dates the UK
 * way ("Visit record of 10 December 2025 not submitted"); `due` stays ISO.
 */
export const draftsNotSubmitted: QueueSource = {
  kind: 'draft',
  items: async ({ db, councilId, providerId, today, until }) => {
    const rows = await db.query<DraftRow>(
      `SELECT v.id, v.provider_id, p.name AS provider_name, v.draft->>'date' AS visit_date, v.created_by,
              COALESCE(NULLIF(u.name, ''), u.email) AS created_by_name, v.created_at
         FROM visit_records v JOIN providers p ON p.id = v.provider_id LEFT JOIN users u ON u.id = v.created_by
        WHERE v.council_id = $1 AND v.status = 'draft' AND ($2::text IS NULL OR v.provider_id = $2)`,
      [councilId, providerId ?? null],
    );
    const out: QueueItem[] = [];
    for (const r of rows) {
      const due = /^\d{4}-\d{2}-\d{2}$/.test(r.visit_date ?? '') ? r.visit_date! : r.created_at.toISOString().slice(0, 10);
      if (due > until) continue;
      out.push({
        kind: 'draft',
        providerId: r.provider_id,
        name: r.provider_name,
        id: r.id,
        visitId: r.id,
        label: `Visit record of ${longDate(due)} not submitted`,
        due,
        overdue: due < today,
        source: `Visit record started by ${r.created_by_name ?? r.created_by} on ${longDate(r.created_at.toISOString())}`,
        officerId: r.created_by,
        ...(r.created_by_name ? { officerName: r.created_by_name } : {}),
      });
    }
    return out;
  },
};
