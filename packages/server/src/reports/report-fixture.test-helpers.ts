import { caseAssessment, compilePack, evaluate, type CouncilPlugin } from '@openqaf/engine';
import { compile, evaluateCompiled } from '../engine/index.js';
import type { Pack } from '../engine/index.js';
import { challengeWindow } from './challenge-window.js';
import { providerReport } from './provider-report.js';

/** The report of an assessment of the fixture pack, evaluated with its explanation (tests only). */
export function reportOf(pack: Pack, input: { date: string; judgements: Record<string, string>; facts: Record<string, unknown> }, note?: string) {
  const determination = evaluateCompiled(compile(pack), input, { asOf: input.date, explain: true });
  return providerReport({
    pack,
    determination,
    council: 'Testshire Council',
    provider: { id: 'p1', name: 'Acme Care' },
    assessment: { id: 'a1', date: input.date, ...(note ? { note } : {}) },
    officer: 'Olive Officer',
    reviewer: null,
    challenge: challengeWindow(pack, null, '2025-03-05'),
  });
}

/** The report of one of a council plugin's own cases, evaluated with its explanation (tests only). */
export function caseReport(plugin: CouncilPlugin, caseId: string) {
  const c = plugin.pack.cases!.find((x) => x.id === caseId)!;
  const compiled = compilePack(plugin.pack, plugin.extensions ? { extensions: plugin.extensions } : {});
  const determination = evaluate(compiled, caseAssessment(compiled.pack, c), { explain: true, ...(c.asOf ? { asOf: c.asOf } : {}) });
  return providerReport({
    pack: plugin.pack, determination, council: plugin.name, provider: { id: 'p1', name: 'Acme Care' },
    assessment: { id: 'a1', date: determination.assessmentDate }, officer: 'Olive Officer', reviewer: null,
    challenge: { days: 14, until: '2025-03-19', basis: 'council', why: 'Interpretation: 14 days' },
  });
}
