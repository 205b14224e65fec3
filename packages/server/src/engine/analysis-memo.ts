import { contentHash } from '../audit/content-hash.js';
import type { AnalysisReport } from './index.js';

/** Analyses kept per process: a published version's is asked for by every review of a draft. */
export const ANALYSIS_MEMO_ENTRIES = 32;

/**
 * Analyses of pack contents, remembered by the content's hash (canonical JSON), the council and
 * whether its extensions were given. The analysis of a content never changes, so a published
 * version (compared against on every analysis and publish of a draft) is analysed once per
 * process, and an unchanged draft analysed again costs nothing. Failed analyses are not kept.
 * The least recently used entry goes first once `entries` are held.
 * @example
 * const report = await memo.get(pack, 'birmingham', true, () => jobs.analyseNow(pack));
 */
export class AnalysisMemo {
  private readonly _reports = new Map<string, Promise<AnalysisReport>>();

  constructor(private readonly _entries = ANALYSIS_MEMO_ENTRIES) {}

  /** The remembered analysis of `content`, or the one `analyse` makes (remembered if it succeeds). */
  get(content: unknown, councilId: string, withExtensions: boolean, analyse: () => Promise<AnalysisReport>): Promise<AnalysisReport> {
    const key = `${councilId}|${withExtensions ? 'ext' : 'plain'}|${contentHash(content)}`;
    const known = this._reports.get(key);
    if (known) {
      // Most recently used last.
      this._reports.delete(key);
      this._reports.set(key, known);
      return known;
    }
    const report = analyse();
    this._reports.set(key, report);
    report.catch(() => { if (this._reports.get(key) === report) this._reports.delete(key); });
    while (this._reports.size > this._entries) this._reports.delete(this._reports.keys().next().value!);
    return report;
  }

  /** How many analyses are remembered. */
  get size(): number {
    return this._reports.size;
  }
}
