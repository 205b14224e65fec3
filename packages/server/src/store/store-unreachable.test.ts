import { describe, expect, it } from 'vitest';
import { isStoreUnreachable } from './store-unreachable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStoreUnreachable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a terminated backend (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['pg losing its connection', new Error('Connection terminated unexpectedly')],
    ['pg using a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['every address of a host refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ETIMEDOUT')])],
  ])('is true for %s', (_what, error) => {
    expect(isStoreUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a serialization failure', withCode('40001')],
    ['a message that only mentions a connection', withCode('XX000', 'Connection terminated unexpectedly')],
    ['an ordinary error', new Error('boom')],
    ['an aggregate with one other error', new AggregateError([withCode('ECONNREFUSED'), new Error('boom')])],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_what, error) => {
    expect(isStoreUnreachable(error)).toBe(false);
  });
});
