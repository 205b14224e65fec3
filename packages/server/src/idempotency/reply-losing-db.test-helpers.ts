import type { Db } from '../store/index.js';

/**
 * The store as seen by a server whose reply is lost after the write committed (a crash, or the
 * connection dropping after COMMIT): once `state.loseNext` is set, the next transaction (or the
 * assessment submission's single statement, `qaf_store_assessments`) commits, then its caller hears an error.
 */
export function replyLosingDb(db: Db) {
  const state = { loseNext: false };
  const lose = () => {
    state.loseNext = false;
    throw new Error('connection lost after the commit');
  };
  const lossy: Db = {
    dialect: db.dialect,
    exec: (sql) => db.exec(sql),
    listen: (channel, handlers) => db.listen(channel, handlers),
    async query(sql, params, options) {
      const rows = await db.query(sql, params, options);
      if (state.loseNext && options?.name === 'qaf_store_assessments') lose();
      return rows as never;
    },
    async transaction(fn) {
      const result = await db.transaction(fn);
      if (state.loseNext) lose();
      return result;
    },
    close: () => db.close(),
  };
  return { db: lossy, state };
}
