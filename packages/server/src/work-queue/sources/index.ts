import type { QueueSource } from '../queue-item.js';
import { actionsDue } from './actions.js';
import { decisionsWaiting } from './decisions.js';
import { draftsNotSubmitted } from './drafts.js';
import { returnsDue } from './returns.js';
import { visitsDue } from './visits.js';

/**
 * Every source of work-queue items, one kind each. A new kind is one more file here and one
 * more entry in this list.
 */
export const QUEUE_SOURCES: readonly QueueSource[] = [visitsDue, returnsDue, actionsDue, decisionsWaiting, draftsNotSubmitted];
