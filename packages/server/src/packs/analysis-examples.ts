import type { AnalysisReport } from '../engine/index.js';

/**
 * The analysis report without its findings' example inputs, for a page that reads only the
 * findings' words (the publish page): each finding keeps its kind, rule, message and count,
 * its examples are left out and their number is added to `more`. Birmingham's report is
 * about 430 kB with its examples and about 30 kB without.
 */
export function withoutExamples(report: AnalysisReport): AnalysisReport {
  return {
    ...report,
    decisions: report.decisions.map((d) => ({
      ...d,
      findings: d.findings.map((f) => ({ ...f, examples: [], more: f.more + f.examples.length })),
    })),
  };
}
