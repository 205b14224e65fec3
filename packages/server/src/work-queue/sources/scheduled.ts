import type { QueueContext, QueueItem } from '../queue-item.js';

/** A schedule entry is a visit when its activity or label says so ("QA visit", "quality-monitoring-visit"). */
export function isVisit(entry: { activity: string; label: string }): boolean {
  return /visit/i.test(entry.activity) || /visit/i.test(entry.label);
}

/** The schedule entries of current determinations due by the window's end (or overdue) that `pick` keeps. */
export function scheduledItems(context: QueueContext, kind: 'visit' | 'return', pick: (entry: { activity: string; label: string }) => boolean): QueueItem[] {
  const out: QueueItem[] = [];
  for (const s of context.standings) {
    for (const e of s.determination?.schedule ?? []) {
      if (!pick(e) || e.nextDue > context.until) continue;
      out.push({
        kind,
        providerId: s.providerId,
        name: s.name,
        id: e.id,
        label: e.label,
        due: e.nextDue,
        overdue: e.nextDue < context.today,
        source: e.source,
        ...(s.assessmentId ? { assessmentId: s.assessmentId } : {}),
      });
    }
  }
  return out;
}
