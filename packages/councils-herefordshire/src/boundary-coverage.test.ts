import { describeBoundaryCoverage } from '@openqaf/engine/vitest';
import plugin from './index.js';

// Every side of every threshold is tested by a case: none is left uncovered. (A side no case can
// test would go, with its reason, in pack/left-uncovered-boundaries.json, read here as Birmingham's
// test reads its own, and by `qaf coverage --boundaries`.)
describeBoundaryCoverage(plugin.pack, plugin.pack.cases ?? [], { leftUncovered: [], ...(plugin.extensions ? { extensions: plugin.extensions } : {}) });
