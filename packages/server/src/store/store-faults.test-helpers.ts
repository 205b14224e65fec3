import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import pg from 'pg';
import type { Db } from './db.js';
import type { TestStoreKind } from './test-stores.test-helpers.js';
import { wrappedStores } from './wrapped-store.test-helpers.js';

/** A test store whose database can be made unreachable, or lose a connection mid-transaction. */
export interface FaultyStore {
  kind: TestStoreKind;
  /** From now on every statement fails as the driver fails when the database cannot be reached. */
  cut(): void;
  /** The database is reachable again. */
  restore(): void;
  /**
   * The next statement of a transaction whose SQL matches `pattern` loses its connection first:
   * on PostgreSQL the backend is terminated (`pg_terminate_backend`, as a failover or an
   * operator does) and the statement fails as the real driver makes it fail; PGlite has no
   * connection to lose, so the statement fails with the error `pg` gives a dropped connection.
   * Resolves once it has happened.
   */
  loseConnectionAt(pattern: RegExp): Promise<void>;
  /** The store without faults, to look at what was stored. */
  readonly healthy: Db;
}

/** A real "connection refused", from connecting `pg` to a port nobody listens on. */
async function refusedError(): Promise<Error> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const client = new pg.Client({ host: '127.0.0.1', port, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    return error as Error;
  }
  await client.end();
  throw new Error(`port ${port} answered`);
}

/** Wraps the stores of `kind` with faults that a test switches on and off. */
export async function faultyStore(kind: TestStoreKind): Promise<FaultyStore> {
  const refused = await refusedError();
  let down = false;
  let lose: { pattern: RegExp; done: () => void } | undefined;
  const gate = () => {
    if (down) throw refused;
  };
  const stores = wrappedStores(kind, {
    call: gate,
    script: gate,
    async statement(sql, tx, dialect, run) {
      gate();
      if (lose && lose.pattern.test(sql)) {
        const { done } = lose;
        lose = undefined;
        done();
        if (dialect === 'pglite') throw new Error('Connection terminated unexpectedly');
        // Terminating its own backend, the statement fails with the real error (57P01).
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }
      return run();
    },
  });
  return {
    kind: stores.kind,
    cut: () => void (down = true),
    restore: () => void (down = false),
    loseConnectionAt: (pattern) => new Promise<void>((done) => (lose = { pattern, done })),
    get healthy() {
      return stores.healthy;
    },
  };
}

/** A TCP proxy in front of PostgreSQL that can let a statement through and lose its reply. */
export interface ReplyCuttingProxy {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  readonly url: string;
  /**
   * The next statement whose SQL (or prepared statement name) matches `pattern` (sent by any connection through the proxy)
   * reaches PostgreSQL and is carried out to the end (the proxy waits for its ReadyForQuery), but
   * its reply is dropped and both sides of the connection are cut: a COMMIT lost in transit, as a
   * failover or a network cut loses it. Resolves once the connection has been cut.
   */
  cutReplyTo(pattern: RegExp): Promise<void>;
  close(): Promise<void>;
}

/**
 * What a frontend message runs: the SQL of a simple query (`Q`) or of an extended-protocol
 * `Parse` (`P`), or the name of the prepared statement a `Bind` (`B`) runs (a named statement is
 * parsed once per connection, then only bound by name).
 */
function statementText(type: number, body: Buffer): string | undefined {
  if (type === 0x51) return body.toString('utf8', 0, body.indexOf(0));
  if (type === 0x42) {
    const start = body.indexOf(0) + 1;
    return body.toString('utf8', start, body.indexOf(0, start)) || undefined;
  }
  if (type === 0x50) {
    const start = body.indexOf(0) + 1;
    return body.toString('utf8', start, body.indexOf(0, start));
  }
  return undefined;
}

/** Splits a PostgreSQL protocol stream into messages as its chunks arrive. */
function messageReader(untypedFirst: boolean, onMessage: (type: number, body: Buffer) => void) {
  let pending = Buffer.alloc(0);
  let untyped = untypedFirst;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const header = untyped ? 4 : 5;
      if (pending.length < header) return;
      const length = pending.readInt32BE(header - 4);
      const end = header - 4 + length;
      if (pending.length < end) return;
      if (untyped) {
        // SSLRequest / GSSENCRequest are followed by another untyped startup message.
        const code = pending.readInt32BE(4);
        untyped = code === 80877103 || code === 80877104;
        onMessage(0, pending.subarray(4, end));
      } else onMessage(pending[0]!, pending.subarray(5, end));
      pending = pending.subarray(end);
    }
  };
}

/** Starts a {@link ReplyCuttingProxy} in front of the PostgreSQL at `databaseUrl`. */
export async function replyCuttingProxy(databaseUrl: string): Promise<ReplyCuttingProxy> {
  const target = new URL(databaseUrl);
  let armed: { pattern: RegExp; done: () => void } | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    for (const s of [client, upstream]) {
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    let cutting: (() => void) | undefined;
    const readClient = messageReader(true, (type, body) => {
      const sql = statementText(type, body);
      if (sql !== undefined && armed && armed.pattern.test(sql)) {
        cutting = armed.done;
        armed = undefined;
      }
    });
    const readServer = messageReader(false, (type) => {
      // ReadyForQuery: the statement whose reply is being lost has been carried out.
      if (type === 0x5a && cutting) {
        const done = cutting;
        cutting = undefined;
        client.destroy();
        upstream.destroy();
        done();
      }
    });
    client.on('data', (chunk: Buffer) => {
      readClient(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const cutBefore = cutting !== undefined;
      readServer(chunk);
      if (!cutBefore && !client.destroyed) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    cutReplyTo: (pattern) => new Promise<void>((done) => (armed = { pattern, done })),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
