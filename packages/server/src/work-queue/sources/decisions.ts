import type { QueueItem, QueueSource } from '../queue-item.js';

/**
 * Human decisions waiting: each proposal of a current determination (a decision a named role takes).
 * A proposal without a due date is due on the assessment date: it is waiting from then.
 */
export const decisionsWaiting: QueueSource = {
  kind: 'decision',
  items: ({ standings, today, until }) => {
    const out: QueueItem[] = [];
    for (const s of standings) {
      for (const p of s.determination?.proposals ?? []) {
        const due = p.due ?? s.assessmentDate!;
        if (due > until) continue;
        out.push({
          kind: 'decision',
          providerId: s.providerId,
          name: s.name,
          id: p.decision,
          label: `Decide ${p.decision} (proposed: ${typeof p.proposed === 'string' ? p.proposed : JSON.stringify(p.proposed)})`,
          owner: p.role,
          ownerLabel: p.roleLabel,
          due,
          overdue: due < today,
          source: p.source,
          assessmentId: s.assessmentId!,
        });
      }
    }
    return out;
  },
};
