import { inForceOn } from './version-cache.js';
import type { PackVersion } from './versions.js';

/** Which version is in force today and which (scheduled) version takes over next. */
export interface VersionSchedule {
  today: string;
  inForce: PackVersion | null;
  /** A version published with a future in-force date that will take over from `inForce`, the soonest first. */
  next: PackVersion | null;
}

/**
 * The schedule of `versions` (newest first) on `today`: the version in force (the same rule as
 * assessments use: withdrawn versions never are), and the soonest scheduled version after it.
 */
export function versionSchedule(versions: readonly PackVersion[], today: string): VersionSchedule {
  const inForce = inForceOn(versions, today) ?? null;
  const scheduled = versions
    .filter((v) => !v.withdrawn && v.effectiveFrom > today && (!inForce || v.seq > inForce.seq))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || b.seq - a.seq);
  return { today, inForce, next: scheduled[0] ?? null };
}
