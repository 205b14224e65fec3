import { decisionWords, packWordsByHash } from '../decision-words.js';
import type { QueueItem, QueueSource } from '../queue-item.js';

/**
 * Human decisions waiting: each proposal of a current determination (a decision a named role takes),
 * named in the words of the pack it was made under ("Decide Provider Quality Rating (PQR)").
 * A proposal without a due date is due on the assessment date: it is waiting from then.
 */
export const decisionsWaiting: QueueSource = {
  kind: 'decision',
  items: async ({ db, councilId, standings, today, until }) => {
    const waiting = standings.filter((s) => s.determination?.proposals?.length);
    const words = await packWordsByHash(db, councilId, waiting.map((s) => s.determination!.pack.hash));
    const out: QueueItem[] = [];
    for (const s of waiting) {
      for (const p of s.determination!.proposals!) {
        const due = p.due ?? s.assessmentDate!;
        if (due > until) continue;
        out.push({
          kind: 'decision',
          providerId: s.providerId,
          name: s.name,
          id: p.decision,
          label: `Decide ${decisionWords(p.decision, words.get(s.determination!.pack.hash))} (proposed: ${typeof p.proposed === 'string' ? p.proposed : JSON.stringify(p.proposed)})`,
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
