/**
 * Boundary coverage of a draft or a published version, with the reasons the council's package
 * records for sides left untested (`pack/left-uncovered-boundaries.json`). Those reasons were
 * written about the pack as the package ships it: a reason is applied to a side only where the
 * pack compares the same words with the same number at the same place; elsewhere (a rule moved,
 * a parameter changed) it is set aside and named, so a reason never vouches for a threshold it
 * was not written about. See docs/user-guide.md#thresholds-tested.
 */
import * as engine from '@openqaf/engine';
import type { BoundaryCoverageReport, Extensions, LeftUncoveredSide, Pack } from '@openqaf/engine';

/** The reasons a council's package records for sides its cases leave untested, and the pack they were written about. */
export interface ShippedReasons {
  /** Where they are recorded, e.g. `@openqaf/councils-birmingham/pack/left-uncovered-boundaries.json`. */
  file: string;
  entries: LeftUncoveredSide[];
  /** The pack as the package ships it. */
  pack: Pack;
}

/** A recorded reason not applied to this pack, and why. */
export interface ReasonSetAside {
  entry: LeftUncoveredSide;
  why: string;
}

/** A pack's boundary coverage and where its reasons for untested sides come from. */
export interface BoundaryCoverageResult {
  report: BoundaryCoverageReport;
  reasons: {
    /** The file the reasons come from; null when the council's package records none. */
    file: string | null;
    /** How many reasons the file records. */
    recorded: number;
    /** Reasons recorded for a threshold this pack no longer has as shipped. */
    setAside: ReasonSetAside[];
  };
}

/** The file of a council package's pack folder listing the sides its cases leave untested, and its reader (errors name the file and entry). */
export const { LEFT_UNCOVERED_FILE, readLeftUncovered } = engine;

const thresholdKey = (t: { pointer: string; threshold: unknown; words: string }) => `${t.pointer}|${String(t.threshold)}|${t.words}`;

/**
 * The boundary coverage of `pack` by its own cases, with the shipped reasons applied where the
 * threshold is still the one they were written about.
 * @example boundaryCoverageWithShippedReasons(draft, { file, entries, pack: plugin.pack }, plugin.extensions)
 */
export function boundaryCoverageWithShippedReasons(pack: Pack, shipped: ShippedReasons | undefined, extensions?: Extensions): BoundaryCoverageResult {
  const options = extensions ? { extensions } : {};
  if (!shipped || shipped.entries.length === 0) {
    return { report: engine.boundaryCoverage(pack, pack.cases ?? [], options), reasons: { file: shipped?.file ?? null, recorded: 0, setAside: [] } };
  }
  // The shipped pack's thresholds only (no cases run): what each reason was written about.
  const asShipped = engine.boundaryCoverage(shipped.pack, [], options).thresholds;
  const shippedKeys = new Set(asShipped.map(thresholdKey));
  const report = engine.boundaryCoverage(pack, pack.cases ?? [], { ...options, leftUncovered: shipped.entries });
  const setAside: ReasonSetAside[] = [];
  for (const entry of shipped.entries) {
    for (const th of report.thresholds) {
      if (th.pointer !== entry.pointer || (entry.threshold !== undefined && th.threshold !== entry.threshold) || shippedKeys.has(thresholdKey(th))) continue;
      const side = th.sides.find((s) => s.side === entry.side && s.leftUncovered === entry.reason);
      if (!side) continue;
      delete side.leftUncovered;
      const was = asShipped.filter((t) => t.pointer === entry.pointer).map((t) => `“${t.words}”`);
      setAside.push({ entry, why: `written about ${was.length ? was.join(' or ') : 'a threshold'} as the council's package ships it; this pack compares “${th.words}” there` });
    }
  }
  if (setAside.length) {
    const sides = report.thresholds.flatMap((th) => th.sides);
    const covered = sides.filter((s) => s.coveredBy.length).length;
    const left = sides.filter((s) => !s.coveredBy.length && s.leftUncovered !== undefined).length;
    report.summary = { ...report.summary, covered, leftUncovered: left, uncovered: sides.length - covered - left };
  }
  return { report, reasons: { file: shipped.file, recorded: shipped.entries.length, setAside } };
}
