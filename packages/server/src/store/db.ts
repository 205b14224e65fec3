/**
 * The one SQL interface the server talks to, implemented by PGlite (embedded) and by
 * PostgreSQL (`pg`). Both speak the same dialect: every statement in this package runs on both.
 */

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /**
   * Runs one parameterised statement (`$1`, `$2`, ...) and returns its rows. A `name` makes it a
   * prepared statement on PostgreSQL (parsed and planned once per connection): for hot paths only,
   * and one name must always mean the same SQL.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Runs a script of several statements without parameters (used by migrations). */
  exec(sql: string): Promise<void>;
}

/** Options of one query. */
export interface QueryOptions {
  /** Prepared statement name (PostgreSQL); ignored by PGlite. */
  name?: string;
}

/**
 * Told about notifications on one channel (`pg_notify`, sent when the notifying transaction
 * commits), and about when they might be missed, so that whoever relies on them can fail closed.
 */
export interface ChannelListener {
  /** A notification arrived. */
  notify(payload: string): void;
  /** Listening (again): every notification from now on arrives; any sent before may have been missed. */
  listening(): void;
  /** Listening stopped (its connection was lost): notifications are missed until `listening` is called again. */
  lost(error: Error): void;
}

/** A database: queries, transactions, notifications, and closing. */
export interface Db extends Queryable {
  /** Which engine is behind this interface. */
  readonly dialect: 'pglite' | 'postgres';
  /**
   * Runs `fn` inside one transaction: committed when it resolves, rolled back when it throws.
   * Every write the API makes goes through here, so nothing is ever partially written.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Listens to a notification channel (`LISTEN`) until the returned function is called or the
   * store is closed. PostgreSQL listens on one dedicated connection per store, reconnecting when
   * it is lost; PGlite hears its own notifications.
   */
  listen(channel: string, listener: ChannelListener): () => void;
  /** Releases the connection(s); the store cannot be used afterwards. */
  close(): Promise<void>;
}

/** PostgreSQL type ids whose text form the store reads as plain JSON values. */
export const PG_TYPE = {
  int8: 20,
  date: 1082,
  numeric: 1700,
} as const;
