/**
 * Bytes of heap an evaluation leaves to the garbage collector: the growth of the used heap over
 * a few calls, after a full collection, per call (median of many such batches, less the same
 * measured around no call). A batch is small enough that the young generation does not fill
 * during it, so nothing is collected while it runs. Needs `gc`: switched on here through V8's
 * flags, as `node --expose-gc` would.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

function gc(): () => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

const used = (): number => v8.getHeapStatistics().used_heap_size;

function medianGrowth(fn: () => unknown, calls: number, batches: number): number {
  const full = gc();
  const growth: number[] = [];
  for (let b = 0; b < batches; b++) {
    full();
    const before = used();
    for (let i = 0; i < calls; i++) fn();
    growth.push(used() - before);
  }
  growth.sort((x, y) => x - y);
  return growth[Math.floor(batches / 2)]!;
}

/** Bytes allocated per call of `fn` (see above); `calls` per batch times its allocation should stay well under 1 MB. */
export function allocationPerCall(fn: () => unknown, calls = 8, batches = 31): number {
  for (let i = 0; i < 200; i++) fn();
  const idle = medianGrowth(() => undefined, calls, batches);
  return Math.max(0, (medianGrowth(fn, calls, batches) - idle) / calls);
}
