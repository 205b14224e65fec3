import { api, init } from './api-client.js';
import type { MixPoint } from '../charts/rating-mix-bars.js';

/** The council dashboard (`GET .../dashboard`): providers by rating, actions and visits due in the window or overdue. */
export interface DashboardData {
  today: string;
  days: number;
  until: string;
  providers: number;
  byRating: Record<string, number>;
  actions: { providerId: string; name: string; id: string; label: string; due: string; overdue: boolean }[];
  visits: { providerId: string; name: string; id: string; label: string; nextDue: string; overdue: boolean }[];
}

/** The council's dashboard for the next `days` days. */
export async function loadDashboard(council: string, days = 30, signal?: AbortSignal): Promise<DashboardData> {
  return api.call((rpc) => rpc.api.councils[':council'].dashboard.$get({ param: { council }, query: { days: String(days) } }, init(signal))) as Promise<DashboardData>;
}

/** The rating mix at the end of each of the last `months` months. */
export async function loadRatingMix(council: string, months = 12, signal?: AbortSignal): Promise<{ today: string; points: MixPoint[] }> {
  return api.call((rpc) => rpc.api.councils[':council'].dashboard['rating-mix'].$get({ param: { council }, query: { months: String(months) } }, init(signal))) as Promise<{ today: string; points: MixPoint[] }>;
}
