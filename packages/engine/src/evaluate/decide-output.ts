/** True when an output is written in the pack as a literal (so an explanation need not repeat it). */
export function literalOutput(output: unknown): boolean {
  return output === null || typeof output !== 'object';
}
