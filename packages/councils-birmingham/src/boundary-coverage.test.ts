import { readFileSync } from 'node:fs';
import { describeBoundaryCoverage, LEFT_UNCOVERED_FILE, readLeftUncovered } from '@openqaf/engine/vitest';
import plugin from './index.js';

// Every side of every threshold is tested by a case, or listed with the reason no case can test it
// in pack/left-uncovered-boundaries.json (which `qaf coverage birmingham --boundaries` reads too):
// a count above a domain's number of Mandatory criteria, 6 of 5 domains, and rows and rules the
// rules before them always decide first.
const file = `pack/${LEFT_UNCOVERED_FILE}`;
const leftUncovered = readLeftUncovered(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), file);
describeBoundaryCoverage(plugin.pack, plugin.pack.cases ?? [], { leftUncovered, ...(plugin.extensions ? { extensions: plugin.extensions } : {}) });
