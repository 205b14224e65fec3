import type { QueueSource } from '../queue-item.js';

/** Actions not done: overdue ones, and those due by the window's end. */
export const actionsDue: QueueSource = {
  kind: 'action',
  items: ({ actions, until }) =>
    actions
      .filter((a) => a.status !== 'done' && a.due <= until)
      .map((a) => ({
        kind: 'action' as const,
        providerId: a.providerId,
        name: a.name,
        id: a.id,
        label: a.label,
        owner: a.owner,
        due: a.due,
        overdue: a.status === 'overdue',
        source: a.source,
        assessmentId: a.assessmentId,
      })),
};
