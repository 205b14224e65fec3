import type { QueueSource } from '../queue-item.js';
import { isVisit, scheduledItems } from './scheduled.js';

/** Visits due and overdue: the next visit of each provider's current determination. */
export const visitsDue: QueueSource = { kind: 'visit', items: (context) => scheduledItems(context, 'visit', isVisit) };
