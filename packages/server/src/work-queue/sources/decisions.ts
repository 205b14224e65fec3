import { longDate, reasonMissingTaskWords, valueWords } from '../../engine/index.js';
import type { Determination } from '../../engine/index.js';
import { decisionWords, packWordsByHash } from '../decision-words.js';
import { NO_DATE_WORDS } from '../queue-item.js';
import type { QueueItem, QueueSource } from '../queue-item.js';

/** A decision a determination records (`decidedBy`): a person's decision or an officer's override. */
type Taken = NonNullable<Determination['decidedBy']>[string];

/** The due date of a decision item, or the words for none; an undated item is never overdue and never past the window. */
function dueOf(due: string | undefined, today: string): Pick<QueueItem, 'due' | 'dueWords' | 'overdue'> {
  return due ? { due, overdue: due < today } : { dueWords: NO_DATE_WORDS, overdue: false };
}

/**
 * Who is asked for the reason of a decision recorded without it (`owner`, `ownerLabel`): the role
 * the pack gives the decision to (`decidedBy.role`, the determination's `role`), in its words
 * (`roleLabel`); for an officer's override, which the pack gives to no role (`override` names none,
 * and DESIGN.md has overrides recorded by "who, when, reason"), the officer who overrode it: the
 * override's `by` (the signed-in user's email, unless the officer named someone), as the engine
 * asks "the officer" (`roleLabel`) for it. So `owner=<who overrode it>` finds the override's item,
 * as `owner=<role>` finds a role's decisions.
 * @example ownerOf({ kind: 'override', by: 'a.officer@example.test', roleLabel: 'the officer', … }) // { owner: 'a.officer@example.test', ownerLabel: 'the officer who overrode it (a.officer@example.test)' }
 */
export function ownerOf(taken: Pick<Taken, 'kind' | 'role' | 'roleLabel' | 'by'>): Pick<QueueItem, 'owner' | 'ownerLabel'> {
  if (taken.kind === 'override' && !taken.role) return { owner: taken.by, ownerLabel: `${taken.roleLabel ?? 'the officer'} who overrode it (${taken.by})` };
  return { ...(taken.role ? { owner: taken.role } : {}), ...(taken.roleLabel ? { ownerLabel: taken.roleLabel } : {}) };
}

/**
 * Human decisions waiting: each proposal of a current determination (a decision a named role takes),
 * named in the words of the pack it was made under ("Decide Provider Quality Rating (PQR)"), with
 * who decides as the determination says it (`roleLabel`: "the team manager, jointly with HCCG");
 * and each decision recorded earlier without the reason the version it was determined again under
 * requires (`departsWithoutReason`: it departs from that version's proposal, or the version always
 * requires one): the role that took it is asked to confirm it with a reason, the officer who
 * overrode a value to give the override's reason ({@link ownerOf}), in the engine's words
 * (`reasonMissingTaskWords`, the sentences the provider's page says, dates written the UK way).
 * Where the pack gives no time (`decidedBy.within`: the document sets none, e.g. Bolton's QM-3
 * request, Herefordshire's commissioners' decisions) the item has no due date: it says
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
          label: reasonMissingTaskWords(decisionWords(id, words.get(s.determination!.pack.hash)), d, longDate),
          ...ownerOf(d),
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
          label: `Decide ${decisionWords(p.decision, words.get(s.determination!.pack.hash))} (proposed: ${valueWords(p.proposed)})`,
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
