import { describe, expect, it } from 'vitest';
import { compilePack, evaluate } from '@openqaf/engine';
import type { Assessment } from '@openqaf/engine';
import { pack } from './index.js';

/**
 * 3.4.3 and 3.4.4: the team manager decides on escalation from Level 1, the multi-agency panel on
 * escalation and de-escalation at Levels 2 and 3. The pack proposes; the recorded decision is the level.
 */
const compiled = compilePack(pack);
const determine = (a: Assessment) => evaluate(compiled, a);
const repeatedAtLevel2 = { repeatedSafeguardingOrQualityConcerns: true, currentThresholdLevel: 'Level 2' };

describe('the level is a person\'s decision', () => {
  it('proposes the indicated level, pending, and names the panel for a provider at Level 2', () => {
    const d = determine({ date: '2025-03-03', facts: repeatedAtLevel2, judgements: {} });
    expect(d.headline).toMatchObject({ value: 'Level 2', pending: true });
    expect(d.decisions.levelDecidedBy).toBe('The multi-agency quality review panel');
    expect(d.proposals?.[0]).toMatchObject({ decision: 'qualityThresholdLevel', proposed: 'Level 2', role: 'team-manager-or-multi-agency-panel' });
  });

  it('never escalates on the same evidence: re-entering it at the next review gives the same level', () => {
    const first = determine({ date: '2025-03-03', facts: { repeatedSafeguardingOrQualityConcerns: true, deliveringServiceImprovementsToTimescales: false }, judgements: {} });
    const next = determine({ date: '2025-04-03', facts: { repeatedSafeguardingOrQualityConcerns: true, deliveringServiceImprovementsToTimescales: false, currentThresholdLevel: first.headline.value as string, contractDefaultNoticeServed: true }, judgements: {} });
    expect(first.headline.value).toBe('Level 2');
    expect(next.headline.value).toBe('Level 2');
    expect(next.actions.map((a) => a.id)).not.toContain('contract-default-notice');
    expect(next.actions.map((a) => a.id)).not.toContain('automatic-contract-default-notice');
  });

  it('takes the panel\'s recorded escalation to Level 3 as the level, with Level 3 measures', () => {
    const d = determine({ date: '2025-03-03', facts: repeatedAtLevel2, judgements: {}, decisions: { qualityThresholdLevel: { value: 'Level 3', by: 'Panel chair', at: '2025-03-10', reason: 'Concerns keep repeating under active monitoring' } } });
    expect(d.headline.value).toBe('Level 3');
    expect(d.headline.pending).toBeFalsy();
    expect(d.decisions.intervention).toBe('Large scale intervention');
    expect(d.actions.map((a) => a.id)).toContain('automatic-contract-default-notice');
    expect(d.decidedBy?.qualityThresholdLevel).toMatchObject({ value: 'Level 3', computed: 'Level 2', by: 'Panel chair' });
  });

  it('takes the panel\'s recorded de-escalation as the level', () => {
    const d = determine({ date: '2025-03-03', facts: { cqcWarningNoticesOrComplianceActions: true, currentThresholdLevel: 'Level 3' }, judgements: {}, decisions: { qualityThresholdLevel: { value: 'Level 1', by: 'Panel chair', at: '2025-03-10', reason: 'Warning notice lifted' } } });
    expect(d.headline.value).toBe('Level 1');
    expect(d.decisions.intervention).toBe('Business as usual or light touch monitoring');
  });

  it('names HCCG beside the team manager or the panel for a jointly commissioned service (3.4.3, 3.4.4)', () => {
    expect(pack.decisions.qualityThresholdLevel?.decidedBy?.label).toMatch(/jointly with HCCG where the service is jointly commissioned/);
    const joint = determine({ date: '2025-03-03', facts: { ...repeatedAtLevel2, jointlyCommissioned: true }, judgements: {} });
    expect(joint.decisions.levelDecidedBy).toBe('The multi-agency quality review panel, jointly with HCCG');
    expect(joint.interpretations.map((i) => i.id)).toContain('hccg-decides-jointly');
    const councilOnly = determine({ date: '2025-03-03', facts: { ...repeatedAtLevel2, jointlyCommissioned: false }, judgements: {} });
    expect(councilOnly.decisions.levelDecidedBy).toBe('The multi-agency quality review panel');
    expect(councilOnly.interpretations.map((i) => i.id)).not.toContain('hccg-decides-jointly');
  });

  it('says who decides in the proposal as the determination does, not the role in general (decidedBy.labelFrom)', () => {
    expect(pack.decisions.qualityThresholdLevel?.decidedBy?.labelFrom).toBe('levelDecidedBy');
    const who = (facts: Record<string, unknown>) => determine({ date: '2025-03-03', facts: { cqcWarningNoticesOrComplianceActions: true, ...facts }, judgements: {} }).proposals?.[0]?.roleLabel;
    expect(who({ jointlyCommissioned: true, currentThresholdLevel: 'Level 1' })).toBe('the team manager, jointly with HCCG');
    expect(who({ jointlyCommissioned: true, currentThresholdLevel: 'Level 2' })).toBe('the multi-agency quality review panel, jointly with HCCG');
    expect(who({ jointlyCommissioned: false, currentThresholdLevel: 'Level 2' })).toBe('the multi-agency quality review panel');
    expect(who({})).toBe('the team manager');
  });

  it('names the team manager for a provider at Level 1 or with no agreed level', () => {
    expect(determine({ date: '2025-03-03', facts: { cqcWarningNoticesOrComplianceActions: true }, judgements: {} }).decisions.levelDecidedBy).toBe('The team manager');
    expect(determine({ date: '2025-03-03', facts: { cqcWarningNoticesOrComplianceActions: true, currentThresholdLevel: 'Level 1' }, judgements: {} }).decisions.levelDecidedBy).toBe('The team manager');
  });
});
