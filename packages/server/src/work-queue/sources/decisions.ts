import type { Pack } from '../../engine/index.js';
import { findVersion } from '../../packs/versions.js';
import { decisionWords } from '../decision-words.js';
import type { QueueContext, QueueItem, QueueSource } from '../queue-item.js';

/** The packs of the versions that made the determinations awaiting a decision, by version; each read once. */
async function packsOf(context: QueueContext): Promise<Map<string, Pack | undefined>> {
  const versions = new Set(context.standings.filter((s) => s.determination?.proposals?.length).map((s) => s.determination!.pack.version));
  const packs = new Map<string, Pack | undefined>();
  await Promise.all([...versions].map(async (v) => packs.set(v, (await findVersion(context.db, context.councilId, v))?.content)));
  return packs;
}

/**
 * Human decisions waiting: each proposal of a current determination (a decision a named role
 * takes), labelled in the pack's words (`decision-words.ts`): what is to be decided, the proposal,
 * who decides and by when. A proposal without a due date is due on the assessment date: it is
 * waiting from then.
 */
export const decisionsWaiting: QueueSource = {
  kind: 'decision',
  items: async (context) => {
    const { standings, today, until } = context;
    const packs = await packsOf(context);
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
          label: decisionWords(packs.get(s.determination!.pack.version), p),
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
