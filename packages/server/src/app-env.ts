import type { Db } from './store/index.js';
import type { CouncilPlugin } from './engine/index.js';
import type { Principal } from './auth/principal.js';
import type { Council } from './councils/council-lookup.js';
import type { TokenCache } from './auth/token-cache.js';
import type { VersionCache } from './packs/version-cache.js';
import type { AssessmentWriter } from './assessments/assessment-writer.js';
import type { IdempotentRequest } from './idempotency/keys.js';
import type { PackJobs } from './engine/pack-jobs.js';
import type { WhatIfWorkers } from './what-if/what-if-workers.js';

/** What every route handler can reach: the store, the council plugins, the clock and the log. */
export interface Services {
  db: Db;
  /** Council plugins by council id: their packs seed the store, their extensions run every version. */
  plugins: Map<string, CouncilPlugin>;
  /** Now; replaceable in tests. */
  now: () => Date;
  /** Send cookies with `Secure` (set behind HTTPS). */
  secureCookies: boolean;
  log: (message: string) => void;
  /** Who each recently seen API token belongs to (a few seconds; cleared by any change to tokens, users or roles). */
  tokenCache: TokenCache;
  /** Each council's published versions, as a hint that writes confirm (see `VersionCache`). */
  versions: VersionCache;
  /** Stores evaluations, several to a statement under load (see `AssessmentWriter`). */
  assessmentWriter: AssessmentWriter;
  /** Validation, analysis and cases of packs, off the request thread with a deadline (see `PackJobs`). */
  packJobs: PackJobs;
  /** What-if off the request thread, its workers warmed with each council's packs (see `WhatIfWorkers`). */
  whatIfWorkers: WhatIfWorkers;
}

/** Hono environment of the app: request-scoped variables set by middleware. */
export interface AppEnv {
  Variables: {
    services: Services;
    principal: Principal;
    /** The caller's user, set by a route's access check (not on public routes). */
    user: NonNullable<Principal['user']>;
    /** The council of the path, set by a council route's access check. */
    council: Council;
    /** The `Idempotency-Key` this write holds, when it was sent one (see `idempotency()`). */
    idempotency?: IdempotentRequest;
  };
}
