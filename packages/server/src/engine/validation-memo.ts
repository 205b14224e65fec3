import { contentHash } from '../audit/content-hash.js';
import type { PackValidation } from './index.js';

/** Validations kept per process: the drafts being edited, reviewed and published. */
export const VALIDATION_MEMO_ENTRIES = 16;

/**
 * Validations of pack contents, remembered by the hash (canonical JSON) of the whole content,
 * the council and whether its extensions were given: a content's validation never changes. So
 * the draft saved (validated as it is saved) is not validated again by each analysis, case run
 * or review of it, and those do not wait behind other pack work for a worker. Each caller gets
 * its own copy (the normalised pack in a validation may be changed by its caller). Failed
 * validations (a worker over its deadline, a full queue) are not kept. The least recently used
 * entry goes first once `entries` are held.
 * @example
 * const result = await memo.get(content, 'bolton', true, () => jobs.validateNow(content));
 */
export class ValidationMemo {
  private readonly _results = new Map<string, Promise<PackValidation>>();

  constructor(private readonly _entries = VALIDATION_MEMO_ENTRIES) {}

  /** The remembered validation of `content`, or the one `validate` makes (remembered if it succeeds). */
  async get(content: unknown, councilId: string, withExtensions: boolean, validate: () => Promise<PackValidation>): Promise<PackValidation> {
    const key = `${councilId}|${withExtensions ? 'ext' : 'plain'}|${contentHash(content)}`;
    let result = this._results.get(key);
    if (result) {
      // Most recently used last.
      this._results.delete(key);
      this._results.set(key, result);
    } else {
      result = validate();
      this._results.set(key, result);
      const made = result;
      made.catch(() => { if (this._results.get(key) === made) this._results.delete(key); });
      while (this._results.size > this._entries) this._results.delete(this._results.keys().next().value!);
    }
    return structuredClone(await result);
  }

  /** How many validations are remembered. */
  get size(): number {
    return this._results.size;
  }
}
