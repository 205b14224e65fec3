import { describe, expect, it } from 'vitest';
import type { PackValidation } from './index.js';
import { ValidationMemo } from './validation-memo.js';

const valid = (name: string) => ({ valid: true, errors: [], pack: { metadata: { name } } }) as unknown as PackValidation;

describe('validations remembered by content', () => {
  it('validates a content once, and again when anything in it changes', async () => {
    const memo = new ValidationMemo();
    let made = 0;
    const validate = (name: string) => () => { made++; return Promise.resolve(valid(name)); };
    const content = { metadata: { name: 'a' }, cases: [1] };
    await memo.get(content, 'bolton', true, validate('a'));
    // The same content in another key order is the same content.
    expect(await memo.get({ cases: [1], metadata: { name: 'a' } }, 'bolton', true, validate('a'))).toEqual(valid('a'));
    expect(made).toBe(1);
    await memo.get({ metadata: { name: 'a' }, cases: [1, 2] }, 'bolton', true, validate('a'));
    await memo.get(content, 'herefordshire', true, validate('a'));
    await memo.get(content, 'bolton', false, validate('a'));
    expect(made).toBe(4);
  });

  it("gives each caller its own copy, so one caller's change is not another's", async () => {
    const memo = new ValidationMemo();
    const first = await memo.get({ x: 1 }, 'bolton', true, () => Promise.resolve(valid('a')));
    (first.pack as unknown as { metadata: { name: string } }).metadata.name = 'changed';
    const second = await memo.get({ x: 1 }, 'bolton', true, () => Promise.resolve(valid('b')));
    expect((second.pack as unknown as { metadata: { name: string } }).metadata.name).toBe('a');
  });

  it('keeps no failure, and lets the oldest go first past its size', async () => {
    const memo = new ValidationMemo(2);
    await expect(memo.get({ x: 1 }, 'bolton', true, () => Promise.reject(new Error('no worker free')))).rejects.toThrow('no worker free');
    expect(memo.size).toBe(0);
    expect((await memo.get({ x: 1 }, 'bolton', true, () => Promise.resolve(valid('a')))).valid).toBe(true);
    await memo.get({ x: 2 }, 'bolton', true, () => Promise.resolve(valid('b')));
    await memo.get({ x: 1 }, 'bolton', true, () => Promise.resolve(valid('unused')));
    await memo.get({ x: 3 }, 'bolton', true, () => Promise.resolve(valid('c')));
    expect(memo.size).toBe(2);
    // { x: 2 } was the least recently used: made again.
    expect(((await memo.get({ x: 2 }, 'bolton', true, () => Promise.resolve(valid('again')))).pack as unknown as { metadata: { name: string } }).metadata.name).toBe('again');
  });
});
