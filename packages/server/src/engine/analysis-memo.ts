import { contentHash } from '../audit/content-hash.js';
import { packRules } from './index.js';
import type { AnalysisReport } from './index.js';

/** Analyses kept per process: a published version's is asked for by every review of a draft. */
export const ANALYSIS_MEMO_ENTRIES = 32;

/** The version label a pack content declares (`metadata.version`), if any. */
function versionOf(content: unknown): unknown {
  const metadata = (content as { metadata?: unknown } | null)?.metadata;
  return metadata !== null && typeof metadata === 'object' ? (metadata as { version?: unknown }).version : undefined;
}

/** `report` as it reads for a content of version label `version` (the only metadata it names). */
function labelled(report: AnalysisReport, version: unknown): AnalysisReport {
  if (typeof version !== 'string' || !report.pack || report.pack.version === version) return report;
  return { ...report, pack: { ...report.pack, version } };
}

/**
 * Analyses of pack contents, remembered by the hash (canonical JSON) of what an analysis reads –
 * the pack's rules ({@link packRules}: no cases, no version label or effective date) – the
 * council and whether its extensions were given. The report names no case and, of the release
 * metadata, only the version label, which is put back from the content asked about. So a
 * published version (compared against on every analysis and publish of a draft) is analysed once
 * per process, and a draft that differs from it only in cases or release metadata, or an
 * unchanged draft analysed again, costs nothing. Failed analyses are not kept.
 * The least recently used entry goes first once `entries` are held.
 * @example
 * const report = await memo.get(pack, 'birmingham', true, () => jobs.analyseNow(pack));
 */
export class AnalysisMemo {
  private readonly _reports = new Map<string, Promise<AnalysisReport>>();

  constructor(private readonly _entries = ANALYSIS_MEMO_ENTRIES) {}

  /** The remembered analysis of `content`, or the one `analyse` makes (remembered if it succeeds). */
  get(content: unknown, councilId: string, withExtensions: boolean, analyse: () => Promise<AnalysisReport>): Promise<AnalysisReport> {
    const key = `${councilId}|${withExtensions ? 'ext' : 'plain'}|${contentHash(packRules(content))}`;
    const known = this._reports.get(key);
    if (known) {
      // Most recently used last.
      this._reports.delete(key);
      this._reports.set(key, known);
      const version = versionOf(content);
      return known.then((report) => labelled(report, version));
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
