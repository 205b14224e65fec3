import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { decisionErrors } from './decision-errors.js';

describe('decisionErrors', () => {
  it("keys the server's refusals of recorded decisions by their JSON pointer, leaving the rest", () => {
    const error = new ApiError(422, 'invalid-assessment', 'The assessment is not valid', [
      { pointer: '/decisions/level/reason', message: 'The reason is missing.' },
      { pointer: '/decisions/rating', message: 'Unknown decision "rating".' },
      { pointer: '/facts/concerns', message: 'Must be a number.' },
      { message: 'No pointer.' },
    ]);
    expect(decisionErrors(error)).toEqual({ '/decisions/level/reason': 'The reason is missing.', '/decisions/rating': 'Unknown decision "rating".' });
  });

  it('is empty for an error that is not the server\'s', () => {
    expect(decisionErrors(new Error('offline'))).toEqual({});
  });
});
