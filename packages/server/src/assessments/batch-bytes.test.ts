import { describe, expect, it } from 'vitest';
import { BatchBytes } from './batch-bytes.js';

describe('BatchBytes', () => {
  it('writes the rows as the UTF-8 bytes of one JSON array, the same bytes as joining them', () => {
    const rows = [JSON.stringify({ a: 1 }), JSON.stringify({ label: 'Silver – £5 “quoted” 😀' }), '{}'];
    const bytes = new BatchBytes(4).write(rows);
    expect(bytes.equals(Buffer.from(`[${rows.join(',')}]`, 'utf8'))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual([{ a: 1 }, { label: 'Silver – £5 “quoted” 😀' }, {}]);
  });

  it('writes an empty batch as an empty array', () => {
    expect(new BatchBytes(1).write([]).toString('utf8')).toBe('[]');
  });

  it('reuses its memory: a smaller batch after a larger one holds only its own rows', () => {
    const batch = new BatchBytes(8);
    const large = Array.from({ length: 50 }, (_, i) => JSON.stringify({ i, text: 'x'.repeat(i * 40) }));
    expect(batch.write(large).toString('utf8')).toBe(`[${large.join(',')}]`);
    expect(batch.write(['{"n":1}']).toString('utf8')).toBe('[{"n":1}]');
  });

  it("writes JSON texts as a binary jsonb[]: one dimension, no nulls, jsonb elements each a version byte and the text's UTF-8", () => {
    const values = ['{"a":1}', JSON.stringify({ label: 'Silver – £5 “quoted” 😀' }), '[]'];
    const batch = new BatchBytes(4);
    batch.write(Array.from({ length: 20 }, () => '{"filler":"x"}'));
    const bytes = batch.writeJsonbArray(values);
    expect([0, 4, 8, 12, 16].map((at) => bytes.readInt32BE(at))).toEqual([1, 0, 3802, values.length, 1]);
    const read: string[] = [];
    let offset = 20;
    while (offset < bytes.length) {
      const length = bytes.readInt32BE(offset);
      expect(bytes[offset + 4]).toBe(1);
      read.push(bytes.subarray(offset + 5, offset + 4 + length).toString('utf8'));
      offset += 4 + length;
    }
    expect(offset).toBe(bytes.length);
    expect(read).toEqual(values);
  });

  it('writes an empty jsonb[] as a one-dimensional array of no elements', () => {
    const bytes = new BatchBytes(1).writeJsonbArray([]);
    expect(bytes.length).toBe(20);
    expect(bytes.readInt32BE(12)).toBe(0);
  });
});
