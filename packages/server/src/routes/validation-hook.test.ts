import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http-error.js';
import { pointerOf, validationHook } from './validation-hook.js';

describe('the validation hook', () => {
  it('turns zod paths into JSON pointers, escaping ~ and /', () => {
    expect(pointerOf(['date'])).toBe('/date');
    expect(pointerOf(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
  });

  it('refuses a bad query with 422 invalid-query naming each parameter', () => {
    const error = z.object({ limit: z.number(), cursor: z.string() }).safeParse({ limit: 'x' }).error!;
    const thrown = (() => {
      try {
        validationHook({ target: 'query', success: false, error }, {} as never);
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).status).toBe(422);
    expect((thrown as HttpError).code).toBe('invalid-query');
    expect((thrown as HttpError).details!.map((d) => d.pointer)).toEqual(['/limit', '/cursor']);
  });

  it('lets valid input through', () => {
    expect(validationHook({ target: 'query', success: true, data: {} }, {} as never)).toBeUndefined();
  });
});
