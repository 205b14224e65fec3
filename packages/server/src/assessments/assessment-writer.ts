import type { Db, Queryable } from '../store/index.js';
import { isCommitOutcomeUnknown } from '../store/commit-outcome-unknown.js';
import { newStoreBytes, prepareAssessment, storeAssessments } from './store-assessment.js';
import type { AssessmentToStore, PreparedAssessment, StoreBytes, StoredAssessment } from './store-assessment.js';

/** How many store statements may be under way at once, and how many evaluations one may carry. */
export interface AssessmentWriterOptions {
  /** Statements under way at once (default {@link DEFAULT_WRITES_IN_FLIGHT}). */
  inFlight?: number;
  /** Evaluations in one statement at most (default {@link DEFAULT_BATCH_LIMIT}). */
  batchLimit?: number;
}

/**
 * Statements under way at once, per server process. One: while it runs, the process evaluates
 * the next requests, which all go in the statement after it. On the 2-core reference machine
 * (server, PostgreSQL and load generator sharing it) one gave 2,240 to 2,550 stored evaluations/s
 * and two 2,060 to 2,330, since twice the statements carried half as many each. Several
 * servers sharing one PostgreSQL each keep their own statement under way; a server with a
 * database of many cores to itself can raise it (`QAF_DB_WRITES_IN_FLIGHT`).
 */
export const DEFAULT_WRITES_IN_FLIGHT = 1;
/** Evaluations one statement carries at most (about 5 kB each). */
export const DEFAULT_BATCH_LIMIT = 64;

interface Waiting {
  row: PreparedAssessment;
  resolve: (stored: StoredAssessment | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Stores evaluations, putting those that arrive together into one statement.
 *
 * While fewer than `inFlight` statements are under way, evaluations are written as soon as the
 * requests the server read together have been evaluated (at the end of that turn of the event
 * loop): a quiet server adds no delay. When all are under way, evaluations wait, and the next
 * statement to go takes every waiting one (up to `batchLimit`). So under load each statement,
 * with its commit, its round trip and its per-statement work in the database, serves many
 * requests. (On PGlite, which runs in the server's own thread and plans each statement afresh,
 * a statement costs about 3 ms whatever it carries, so there it matters even more.)
 *
 * Each request still learns its own outcome only after the statement carrying it has committed.
 * A row is written whole or not at all; rows the statement cannot confirm (see
 * `STORE_ASSESSMENTS_SQL`) resolve `undefined`, so the caller looks again. When a shared
 * statement fails, nothing of it was written, and each of its evaluations is tried again in a
 * statement of its own: one bad row fails only its own request. (Unless its connection was lost
 * while it was in flight: then it may have been written, and every request it carried fails with
 * `CommitOutcomeUnknown`.)
 */
export class AssessmentWriter {
  readonly #db: Queryable;
  readonly #inFlight: number;
  readonly #batchLimit: number;
  readonly #waiting: Waiting[] = [];
  /** On PostgreSQL, the kept memory statements write their rows into, one per statement under way. */
  readonly #spareBytes: StoreBytes[] | undefined;
  #underWay = 0;
  #sendScheduled = false;

  constructor(db: Queryable | Db, options: AssessmentWriterOptions = {}) {
    this.#db = db;
    this.#spareBytes = 'dialect' in db && db.dialect === 'postgres' ? [] : undefined;
    this.#inFlight = Math.max(1, options.inFlight ?? DEFAULT_WRITES_IN_FLIGHT);
    this.#batchLimit = Math.max(1, options.batchLimit ?? DEFAULT_BATCH_LIMIT);
  }

  /** Stores one evaluation; `undefined` when the store no longer confirms its version or provider. */
  write(evaluation: AssessmentToStore): Promise<StoredAssessment | undefined> {
    const row = prepareAssessment(evaluation);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ row, resolve, reject });
      // Sent once the requests this turn of the event loop is handling have all been evaluated,
      // so that those read from the network together are written together.
      if (!this.#sendScheduled) {
        this.#sendScheduled = true;
        setImmediate(() => {
          this.#sendScheduled = false;
          this.#send();
        });
      }
    });
  }

  #send(): void {
    while (this.#underWay < this.#inFlight && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#batchLimit);
      this.#underWay++;
      void this.#write(batch).finally(() => {
        this.#underWay--;
        this.#send();
      });
    }
  }

  async #write(batch: Waiting[]): Promise<void> {
    let written: Set<string>;
    // Memory no other statement is using: it is handed back once this statement has been sent and answered.
    const bytes = this.#spareBytes && (this.#spareBytes.pop() ?? newStoreBytes());
    try {
      written = await storeAssessments(this.#db, batch.map((w) => w.row), bytes);
    } catch (error) {
      this.#giveBack(bytes);
      // A statement lost in flight may have committed: sent again row by row, a stored row would
      // be refused as a duplicate, and its caller told it failed. Each learns the outcome is unknown.
      if (batch.length === 1 || isCommitOutcomeUnknown(error)) {
        for (const w of batch) w.reject(error);
        return;
      }
      // Nothing of the shared statement was written: each evaluation goes again on its own.
      await Promise.all(batch.map((w) => this.#write([w])));
      return;
    }
    this.#giveBack(bytes);
    for (const w of batch) w.resolve(written.has(w.row.stored.assessmentId) ? w.row.stored : undefined);
  }

  /** Keeps a statement's memory for the next (as many as may be under way; retries row by row may have made more). */
  #giveBack(bytes: StoreBytes | undefined): void {
    if (bytes && this.#spareBytes && this.#spareBytes.length < this.#inFlight) this.#spareBytes.push(bytes);
  }
}
