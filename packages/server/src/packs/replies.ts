/**
 * The replies of the pack routes, as TypeScript types: the routes declare them (`typed()`), so
 * handlers must return them and the admin UI's `hc` client reads them.
 */
import type { AnalysisReport, CaseRun, FindingChange, Pack, PackDiff, PackError } from '../engine/index.js';
import type { PackVersion } from './versions.js';

/** A published version with its pack (`GET .../pack`, `GET .../versions/{version}`). */
export interface PackVersionWithPack extends PackVersion {
  pack: Pack;
}

/** `GET .../diff`: the engine's readable diff of two versions (either may be "draft"). */
export interface PackDiffReply {
  from: string;
  to: string;
  changes: PackDiff['changes'];
}

/** `PUT .../draft`: the saved revision and its validation (the draft is saved even when invalid). */
export interface DraftValidation {
  revision: number;
  valid: boolean;
  errors: PackError[];
}

/** `POST .../draft/validate`: the validation of the draft (revision) or of the body (revision null). */
export interface ValidationReply {
  revision: number | null;
  valid: boolean;
  errors: PackError[];
}

/** `POST .../draft/cases`: the draft's own cases, run. */
export type CasesReply = { revision: number } & CaseRun;

/** `POST .../draft/analyse`: the analysis of the draft, with how many findings it has. */
export interface AnalysisReply {
  revision: number;
  findings: number;
  report: AnalysisReport;
  /** The findings the draft introduces or changes against the published version: what publishing asks to acknowledge. */
  changed: FindingChange[];
}

/** `GET .../pack/in-force`: the version in force on `date`, with its pack unless `pack=false`. */
export interface InForceReply extends PackVersion {
  date: string;
  pack?: Pack;
}
