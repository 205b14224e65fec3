import { readFileSync } from 'node:fs';
import { describeBoundaryCoverage, LEFT_UNCOVERED_FILE, readLeftUncovered } from '@openqaf/engine/vitest';
import plugin from './index.js';

// Every side of every threshold (numbers, CQC ratings on their scale, dates) is tested by a case, or
// listed with the reason no case can test it in pack/left-uncovered-boundaries.json (which
// `qaf coverage bolton --boundaries` reads too): one side of a rule that only negates the rule before it.
const file = `pack/${LEFT_UNCOVERED_FILE}`;
const leftUncovered = readLeftUncovered(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), file);
describeBoundaryCoverage(plugin.pack, plugin.pack.cases ?? [], { leftUncovered, ...(plugin.extensions ? { extensions: plugin.extensions } : {}) });
