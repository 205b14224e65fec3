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
