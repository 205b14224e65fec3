import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration an operator gets wrong', () => {
  it.each(['6MB', 'abc', '-1', '0', '1.5'])('refuses QAF_BODY_LIMIT=%s, naming it, rather than running with no body limit', (text) => {
    expect(() => loadConfig({ QAF_BODY_LIMIT: text })).toThrow(`QAF_BODY_LIMIT must be a whole number of bytes, at least 1, not "${text}"`);
  });

  it('takes a body limit given in bytes', () => {
    expect(loadConfig({ QAF_BODY_LIMIT: '1048576' }).bodyLimit).toBe(1_048_576);
  });

  it.each(['ten', '0'])('refuses QAF_DB_POOL_SIZE=%s, naming it', (text) => {
    expect(() => loadConfig({ QAF_DB_POOL_SIZE: text })).toThrow(`QAF_DB_POOL_SIZE must be a whole number of connections, at least 1, not "${text}"`);
  });
});
