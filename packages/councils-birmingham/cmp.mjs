import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { validatePack, compilePack, analyseOutcomes } from '@openqaf/engine';
const now = JSON.parse(readFileSync('pack/pack.json', 'utf8'));
const old = JSON.parse(execSync('git show HEAD:packages/councils-birmingham/pack/pack.json', { encoding: 'utf8' }));
const r = validatePack(now); console.log('errors', r.errors.length, 'warnings', r.warnings.length, JSON.stringify(r.errors).slice(0, 500));
const a = analyseOutcomes(compilePack(old)), b = analyseOutcomes(compilePack(now));
console.log('exhaustive', a.exhaustive, b.exhaustive, 'findings same', JSON.stringify(a.findings) === JSON.stringify(b.findings));
for (let i = 0; i < a.outcomes.length; i++) { const x = a.outcomes[i], y = b.outcomes[i]; if (JSON.stringify(x) !== JSON.stringify(y)) console.log(x.outcome, x.exhaustive, y.exhaustive, x.points, y.points, x.fires, y.fires, JSON.stringify(y.dimensions)); }
