import { decisionWords, packWordsByHash } from '../decision-words.js';
import { NO_DATE_WORDS } from '../queue-item.js';
import { reasonMissingWords, valueText } from '../reason-missing-words.js';
import type { QueueItem, QueueSource } from '../queue-item.js';

/** The due date of a decision item, or the words for none; an undated item is never overdue and never past the window. */
function dueOf(due: string | undefined, today: string): Pick<QueueItem, 'due' | 'dueWords' | 'overdue'> {
  return due ? { due, overdue: due < today } : { dueWords: NO_DATE_WORDS, overdue: false };
}

/**
 * Human decisions waiting: each proposal of a current determination (a decision a named role takes),
 * named in the words of the pack it was made under ("Decide Provider Quality Rating (PQR)"), with
 * who decides as the determination says it (`roleLabel`: "the team manager, jointly with HCCG");
 * and each decision recorded earlier without the reason the version it was determined again under
 * requires (`departsWithoutReason`: it departs from that version's proposal, or the version always
 * requires one): the role that took it is asked to confirm it with a reason, the officer who
 * overrode a value to give the override's reason ({@link reasonMissingWords}). Where the pack gives no time (`decidedBy.within`: the document sets none, e.g.
 * Bolton's QM-3 request, Herefordshire's commissioners' decisions) the item has no due date: it says
 * {@link NO_DATE_WORDS}, is never overdue, and is listed whatever the window.
 */
export const decisionsWaiting: QueueSource = {
  kind: 'decision',
  items: async ({ db, councilId, standings, today, until }) => {
    const toConfirm = (s: (typeof standings)[number]) => Object.entries(s.determination?.decidedBy ?? {}).filter(([, d]) => d.departsWithoutReason);
    const waiting = standings.filter((s) => s.determination?.proposals?.length || toConfirm(s).length);
    const words = await packWordsByHash(db, councilId, waiting.map((s) => s.determination!.pack.hash));
    const out: QueueItem[] = [];
    for (const s of waiting) {
      for (const [id, d] of toConfirm(s)) {
        if (d.due && d.due > until) continue;
        out.push({
          kind: 'decision',
          providerId: s.providerId,
          name: s.name,
          id,
          label: reasonMissingWords(decisionWords(id, words.get(s.determination!.pack.hash)), d),
          ...(d.role ? { owner: d.role } : {}),
          ...(d.roleLabel ? { ownerLabel: d.roleLabel } : {}),
          ...dueOf(d.due, today),
          source: d.source ?? '',
          assessmentId: s.assessmentId!,
        });
      }
      for (const p of s.determination!.proposals ?? []) {
        if (p.due && p.due > until) continue;
        out.push({
          kind: 'decision',
          providerId: s.providerId,
          name: s.name,
          id: p.decision,
          label: `Decide ${decisionWords(p.decision, words.get(s.determination!.pack.hash))} (proposed: ${valueText(p.proposed)})`,
          owner: p.role,
          ownerLabel: p.roleLabel,
          ...dueOf(p.due, today),
          source: p.source,
          assessmentId: s.assessmentId!,
        });
      }
    }
    return out;
  },
};
