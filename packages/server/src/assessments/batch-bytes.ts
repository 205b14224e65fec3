/** PostgreSQL's type id of `jsonb`, the element type of the arrays {@link BatchBytes.writeJsonbArray} writes. */
const JSONB_OID = 3802;
/** The version byte that starts a `jsonb` value in binary format (then its JSON text). */
const JSONB_BINARY_VERSION = 1;

/**
 * A batch of stored evaluations as the UTF-8 bytes of one JSON array (`[row,row,...]`), or as a
 * `jsonb[]` array in PostgreSQL's binary format, written into memory that is kept and reused from
 * one statement to the next.
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

  /**
   * The JSON texts `values` as a one-dimensional `jsonb[]` in PostgreSQL's binary format (sent as a
   * parameter in binary format, each element is parsed once, as jsonb, by the server; no array
   * literal quoting and no JSON around it to parse first). Same lifetime as {@link write}'s bytes.
   *
   * The format (PostgreSQL's `array_recv`): the number of dimensions (1), a flag (0: the
   * elements are never null), the element type, the length and lower bound (1) of the dimension;
   * then each element as its byte length and its bytes, here a `jsonb` version byte and the text.
   */
  writeJsonbArray(values: readonly string[]): Buffer {
    this.#reserve(0, 20);
    let offset = this.#buffer.writeInt32BE(1, 0);
    offset = this.#buffer.writeInt32BE(0, offset);
    offset = this.#buffer.writeInt32BE(JSONB_OID, offset);
    offset = this.#buffer.writeInt32BE(values.length, offset);
    offset = this.#buffer.writeInt32BE(1, offset);
    for (const value of values) {
      // A UTF-16 code unit takes at most 3 bytes of UTF-8; 4 for the length and 1 for the version.
      this.#reserve(offset, value.length * 3 + 5);
      const start = offset + 4;
      this.#buffer[start] = JSONB_BINARY_VERSION;
      const length = this.#buffer.write(value, start + 1, 'utf8');
      this.#buffer.writeInt32BE(length + 1, offset);
      offset = start + 1 + length;
    }
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
