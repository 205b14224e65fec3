import { describe, expect, it } from 'vitest';
import { plainMessage } from './plain-errors.js';

describe('plain error messages', () => {
  it('count characters in the right number, never "(s)"', () => {
    expect(plainMessage('must NOT have fewer than 1 characters')).toBe('Must have at least 1 character.');
    expect(plainMessage('must NOT have fewer than 3 characters')).toBe('Must have at least 3 characters.');
  });
});
