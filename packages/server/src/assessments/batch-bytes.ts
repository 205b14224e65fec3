/**
 * A batch of stored evaluations as the UTF-8 bytes of one JSON array (`[row,row,...]`), written
 * into memory that is kept and reused from one statement to the next.
 *
 * PostgreSQL receives a `json` parameter sent in binary format as exactly its text, so the rows
 * can go to it as bytes. Joining them into one string first would build a string of several
 * hundred kilobytes per statement (64 evaluations of about 10 kB), which V8 places in its large
 * object space, fresh memory each time: on the reference machine that join and its encoding cost
 * more CPU than anything else in storing a batch. Written row by row into kept memory, the same
 * bytes cost a copy.
 */
export class BatchBytes {
  #buffer: Buffer;

  constructor(initialSize = 64 * 1024) {
    this.#buffer = Buffer.allocUnsafe(initialSize);
  }

  /**
   * The JSON array of `rows` (each already a JSON text) as UTF-8. The bytes are valid until the
   * next call: the caller must be done with them (the statement sent) before writing again.
   */
  write(rows: readonly string[]): Buffer {
    let offset = 0;
    this.#reserve(offset, 2);
    this.#buffer[offset++] = 0x5b; // [
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // A UTF-16 code unit takes at most 3 bytes of UTF-8; one more for the comma or the closing bracket.
      this.#reserve(offset, row.length * 3 + 1);
      if (i > 0) this.#buffer[offset++] = 0x2c; // ,
      offset += this.#buffer.write(row, offset, 'utf8');
    }
    this.#buffer[offset++] = 0x5d; // ]
    return this.#buffer.subarray(0, offset);
  }

  /** Makes room for `size` more bytes after `used`, keeping the bytes written so far. */
  #reserve(used: number, size: number): void {
    if (used + size <= this.#buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(used + size, this.#buffer.length * 2));
    this.#buffer.copy(larger, 0, 0, used);
    this.#buffer = larger;
  }
}
