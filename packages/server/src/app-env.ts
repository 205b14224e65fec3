import type { Db } from './store/index.js';
import type { CouncilPlugin } from './engine/index.js';
import type { Principal } from './auth/principal.js';

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
}

/** Hono environment of the app: request-scoped variables set by middleware. */
export interface AppEnv {
  Variables: {
    services: Services;
    principal: Principal;
  };
}
