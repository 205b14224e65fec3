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
});
