import { NO_DUE_DATE_WORDS } from '../engine/index.js';
import type { Queryable } from '../store/index.js';
import type { ProviderStanding } from '../actions/current-determinations.js';
import type { TrackedAction } from '../actions/tracked-action.js';
import type { OfficerAssignment } from '../assignments/officer-assignment.js';

/**
 * What an item of the work queue is: a visit due, a return (or other scheduled activity) due, an
 * action not done, a decision a named role must take, a visit record left in draft.
 */
export type QueueItemKind = 'visit' | 'return' | 'action' | 'decision' | 'draft';

/** Every kind, in the order the work queue counts them. */
export const QUEUE_ITEM_KINDS: readonly QueueItemKind[] = ['visit', 'return', 'action', 'decision', 'draft'];

/** What the queue says of an item for which the framework sets no date (it is listed, never overdue, after the dated items): the engine's words. */
export const NO_DATE_WORDS: string = NO_DUE_DATE_WORDS;

/** One thing someone must do for a provider, by a date where the framework sets one. */
export interface QueueItem {
  kind: QueueItemKind;
  providerId: string;
  name: string;
  /** The pack's id of the schedule entry, action or decision. */
  id: string;
  label: string;
  /** Who must do it: the action's owner or the decision's role; for an officer's override missing its reason, the officer who overrode it (its `by`: `ownerOf` in `sources/decisions.ts`); absent for scheduled visits and returns. */
  owner?: string;
  /** The decision's role as the pack words it ("the officer who overrode it (A. Officer)" for an override). */
  ownerLabel?: string;
  /** The date it is due by; absent when the framework sets none (a decision whose document gives no time). */
  due?: string;
  /** Set, with {@link NO_DATE_WORDS}, when the framework sets no date: such an item is never overdue. */
  dueWords?: string;
  overdue: boolean;
  source: string;
  assessmentId?: string;
  /** The visit record of a draft. */
  visitId?: string;
  /** The officer whose work it is: the provider's assigned officer, or for a draft the officer who started it. */
  officerId?: string;
  officerName?: string;
}

/** What every source reads: the council's providers with their current determinations, tracked actions, and the window. */
export interface QueueContext {
  db: Queryable;
  councilId: string;
  standings: ProviderStanding[];
  actions: TrackedAction[];
  /** The council's officer assignments, by provider id. */
  assignments: Map<string, OfficerAssignment>;
  /** Only this provider (the queue's provider filter), for sources that read the store themselves. */
  providerId?: string;
  today: string;
  /** Items due after this date are left out; overdue ones, and those with no date, are always in. */
  until: string;
}

/** One kind of work-queue item, from its own source (one file per kind, listed in `sources/index.ts`). */
export interface QueueSource {
  kind: QueueItemKind;
  items(context: QueueContext): Promise<QueueItem[]> | QueueItem[];
}
