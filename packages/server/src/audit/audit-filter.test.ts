import { describe, expect, it } from 'vitest';
import { auditConditions } from './audit-filter.js';

describe('auditConditions', () => {
  it('is TRUE with no filter', () => {
    expect(auditConditions({}, 1)).toEqual({ where: 'TRUE', params: [] });
  });

  it('numbers its placeholders from the one given and makes `to` inclusive', () => {
    expect(auditConditions({ actor: 'u1', action: 'draft-save', from: '2026-12-01', to: '2026-12-01' }, 3)).toEqual({
      where: 'actor = $3 AND action = $4 AND at >= $5 AND at < $6',
      params: ['u1', 'draft-save', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00.000Z'],
    });
  });

  it('refuses a from after to, naming /from', () => {
    expect(() => auditConditions({ from: '2026-12-02', to: '2026-12-01' }, 1)).toThrow(
      expect.objectContaining({ status: 422, details: [expect.objectContaining({ pointer: '/from' })] }),
    );
  });
});
