import type { QueueSource } from '../queue-item.js';
import { isVisit, scheduledItems } from './scheduled.js';

/** Returns due: every scheduled activity that is not a visit (assurance statements, monitoring returns, meetings). */
export const returnsDue: QueueSource = { kind: 'return', items: (context) => scheduledItems(context, 'return', (e) => !isVisit(e)) };
