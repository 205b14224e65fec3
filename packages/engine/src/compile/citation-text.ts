import type { Citation } from '../types.js';

/** A citation as a determination shows it: `000 s3.2.2`, or `002 "Pricing"` for a named section. */
export function citationText(c: Citation | undefined): string {
  if (!c) return '';
  return /\s/.test(c.section) ? `${c.doc} "${c.section}"` : `${c.doc} s${c.section}`;
}
