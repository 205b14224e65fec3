import { describe, expect, it } from 'vitest';
import { versionSchedule } from './version-schedule.js';
import type { PackVersion } from './versions.js';

function v(seq: number, effectiveFrom: string, withdrawn = false): PackVersion {
  return {
    id: `v${seq}`,
    councilId: 'testshire',
    seq,
    version: `1.${seq}.0`,
    hash: `h${seq}`,
    author: null,
    note: '',
    publishedAt: '2026-01-01T00:00:00.000Z',
    effectiveFrom,
    basedOn: null,
    acknowledged: [],
    ...(withdrawn ? { withdrawn: { reason: 'wrong threshold', by: null, at: '2026-06-01T00:00:00.000Z', replacedBy: null } } : {}),
  };
}

describe('versionSchedule', () => {
  it('names the version in force today and the scheduled one that takes over next', () => {
    const versions = [v(4, '2027-04-01'), v(3, '2027-01-01'), v(2, '2026-01-01'), v(1, '2024-01-01')];
    const s = versionSchedule(versions, '2026-12-06');
    expect(s.inForce?.version).toBe('1.2.0');
    expect(s.next?.version).toBe('1.3.0');
  });

  it('never puts a withdrawn version in force, today or next', () => {
    const versions = [v(3, '2027-01-01', true), v(2, '2025-01-01', true), v(1, '2024-01-01')];
    const s = versionSchedule(versions, '2026-12-06');
    expect(s.inForce?.version).toBe('1.1.0');
    expect(s.next).toBeNull();
  });

  it('has nothing in force before the first version takes effect', () => {
    const s = versionSchedule([v(1, '2027-01-01')], '2026-12-06');
    expect(s.inForce).toBeNull();
    expect(s.next?.version).toBe('1.1.0');
  });
});
