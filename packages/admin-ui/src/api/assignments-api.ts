import { api, init } from './api-client.js';

/** The officer a provider is assigned to, as the server gives it. */
export interface OfficerAssignment {
  providerId: string;
  officerId: string;
  officerName: string;
  assignedBy: string;
  assignedAt: string;
}

/** The officer the provider is assigned to, or null. */
export async function loadAssignment(council: string, providerId: string, signal?: AbortSignal): Promise<OfficerAssignment | null> {
  const reply = await api.call((rpc) => rpc.api.councils[':council'].providers[':id'].officer.$get({ param: { council, id: providerId } }, init(signal)));
  return reply.assignment as OfficerAssignment | null;
}

/** Assigns the provider to an officer (replacing any earlier assignment). */
export async function assignOfficer(council: string, providerId: string, officerId: string): Promise<OfficerAssignment> {
  return (await api.call((rpc) => rpc.api.councils[':council'].providers[':id'].officer[':user'].$put({ param: { council, id: providerId, user: officerId } }))) as OfficerAssignment;
}

/** Removes the provider's assignment. */
export async function unassignOfficer(council: string, providerId: string): Promise<void> {
  await api.call((rpc) => rpc.api.councils[':council'].providers[':id'].officer.$delete({ param: { council, id: providerId } }));
}
