import pg from 'pg';
import type { ChannelListener } from './db.js';

/** First wait before reconnecting a lost listening connection; doubled each failure up to {@link MAX_RECONNECT_MS}. */
const FIRST_RECONNECT_MS = 100;
/** Longest wait between reconnection attempts. */
const MAX_RECONNECT_MS = 5_000;

/**
 * One dedicated PostgreSQL connection that `LISTEN`s on behalf of a store (a pooled connection
 * cannot: it is handed to other queries between uses). Each channel's listeners are told about
 * every notification, and told at once when the connection is lost (`lost`), so that they can
 * stop relying on notifications; it reconnects by itself, with growing pauses, and says
 * `listening` again when every channel is listened to once more.
 */
export class PostgresListener {
  readonly #config: pg.ClientConfig;
  readonly #log: (message: string) => void;
  readonly #channels = new Map<string, Set<ChannelListener>>();
  #client: pg.Client | undefined;
  /** Settles when the current connection attempt has finished, successfully or not. */
  #connecting: Promise<void> | undefined;
  #up = false;
  #closed = false;
  #retryMs = FIRST_RECONNECT_MS;
  #retryTimer: NodeJS.Timeout | undefined;

  /** @param config how to connect (the store's own settings); `log` hears about lost connections. */
  constructor(config: pg.ClientConfig, log: (message: string) => void = (m) => console.error(m)) {
    this.#config = { keepAlive: true, ...config };
    this.#log = log;
  }

  /** Listens to `channel` until the returned function is called (see `Db.listen`). */
  listen(channel: string, listener: ChannelListener): () => void {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`A channel name is lower-case letters, digits and _, not "${channel}"`);
    let listeners = this.#channels.get(channel);
    const isNew = !listeners;
    if (!listeners) this.#channels.set(channel, (listeners = new Set()));
    listeners.add(listener);
    if (!this.#client && !this.#closed) this.#connect();
    else if (this.#up) {
      const client = this.#client!;
      const ready = isNew ? client.query(`LISTEN ${channel}`) : Promise.resolve();
      ready.then(
        () => {
          if (this.#client === client && this.#up && listeners.has(listener)) listener.listening();
        },
        (error: Error) => this.#fail(client, error),
      );
    }
    return () => {
      listeners.delete(listener);
    };
  }

  /** Stops listening for good and closes the connection. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    await this.#connecting;
    const client = this.#client;
    this.#client = undefined;
    this.#up = false;
    await client?.end().catch(() => undefined);
  }

  #connect(): void {
    const client = new pg.Client(this.#config);
    this.#client = client;
    client.on('notification', (message) => {
      for (const listener of this.#channels.get(message.channel) ?? []) listener.notify(message.payload ?? '');
    });
    client.on('error', (error) => this.#fail(client, error));
    client.on('end', () => this.#fail(client, new Error('the listening connection ended')));
    this.#connecting = (async () => {
      try {
        await client.connect();
        for (const channel of this.#channels.keys()) await client.query(`LISTEN ${channel}`);
      } catch (error) {
        this.#fail(client, error as Error);
        return;
      }
      if (this.#client !== client) return;
      this.#up = true;
      this.#retryMs = FIRST_RECONNECT_MS;
      for (const listeners of this.#channels.values()) for (const listener of listeners) listener.listening();
    })();
  }

  /** The connection `client` failed: tell every listener once, drop it, and try again later. */
  #fail(client: pg.Client, error: Error): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = undefined;
    this.#up = false;
    client.end().catch(() => undefined);
    this.#log(`[store] the LISTEN connection was lost (${error.message}); reconnecting in ${this.#retryMs} ms`);
    for (const listeners of this.#channels.values()) for (const listener of listeners) listener.lost(error);
    this.#retryTimer = setTimeout(() => {
      if (!this.#closed && !this.#client) this.#connect();
    }, this.#retryMs);
    this.#retryTimer.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RECONNECT_MS);
  }
}
