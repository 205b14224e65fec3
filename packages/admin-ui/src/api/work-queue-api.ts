import { api, init } from './api-client.js';
import type { CompleteActionDetail, WorkQueueItem } from '../elements/qaf-work-queue.js';

/** The council's work queue (or only mine) for the next `days` days (overdue items always in). */
export async function loadWorkQueue(council: string, days = 30, signal?: AbortSignal, mine = false): Promise<{ today: string; items: WorkQueueItem[] }> {
  const q = { days: String(days), ...(mine ? { mine: 'true' as const } : {}) };
  return api.call((rpc) => rpc.api.councils[':council']['work-queue'].$get({ param: { council }, query: q }, init(signal))) as Promise<{ today: string; items: WorkQueueItem[] }>;
}

/** Records an action as done on a date. */
export async function completeAction(council: string, detail: CompleteActionDetail): Promise<void> {
  await api.call((rpc) => rpc.api.councils[':council'].actions.complete.$post({ param: { council }, json: detail }));
}
