/** A parsed `major.minor.patch[-prerelease]` version. */
export interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease?: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses a semantic version, or undefined when it is not one. */
export function parseSemver(text: string): Semver | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), ...(m[4] ? { prerelease: m[4] } : {}) };
}

/** Negative, zero or positive as `a` is lower than, equal to or higher than `b` (a prerelease sorts before its release). */
export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) throw new Error(`Not a semantic version: ${!x ? a : b}`);
  const d = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (d !== 0) return d;
  if (x.prerelease === y.prerelease) return 0;
  if (!x.prerelease) return 1;
  if (!y.prerelease) return -1;
  return x.prerelease < y.prerelease ? -1 : 1;
}

/** The next patch release after `version` (`1.2.3` -> `1.2.4`, `1.3.0-rc.1` -> `1.3.0`). */
export function nextPatch(version: string): string {
  const v = parseSemver(version);
  if (!v) throw new Error(`Not a semantic version: ${version}`);
  if (v.prerelease) return `${v.major}.${v.minor}.${v.patch}`;
  return `${v.major}.${v.minor}.${v.patch + 1}`;
}
