import { caseAssessment } from '@openqaf/engine';
import { compile, evaluateCompiled } from '../dist/engine/index.js';
import { loadCouncilPlugins } from '../dist/index.js';
import { prepareAssessment } from '../dist/assessments/store-assessment.js';
const plugins = await loadCouncilPlugins(undefined, () => undefined);
const plugin = plugins.find((p) => p.id === 'birmingham');
const benchCase = plugin.pack.cases.find((c) => !c.wantError);
const a = caseAssessment(plugin.pack, benchCase);
const compiled = compile(plugin.pack, plugin.extensions);
const N = 5000;
function time(label, fn) {
  for (let i = 0; i < 500; i++) fn();
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) fn();
  const u = process.cpuUsage(t0);
  console.log(label.padEnd(30), ((u.user + u.system) / N / 1000).toFixed(4), 'ms');
}
const d = evaluateCompiled(compiled, a, { asOf: a.date, explain: true });
const { explanation, ...rec } = d;
for (let r = 0; r < 2; r++) {
time('evaluate no explain', () => evaluateCompiled(compiled, a, { asOf: a.date, explain: false }));
time('evaluate explain', () => evaluateCompiled(compiled, a, { asOf: a.date, explain: true }));
time('stringify det', () => JSON.stringify(rec));
time('stringify expl', () => JSON.stringify(explanation));
time('prepareAssessment', () => prepareAssessment({ councilId: 'birmingham', providerId: 'p', userId: 'u', input: a, packVersionId: 'v', determination: rec }));
time('JSON.parse body', () => JSON.parse(JSON.stringify({providerId: 'x', ...a})));
}
