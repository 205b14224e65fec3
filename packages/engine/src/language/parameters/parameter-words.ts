import type { Pack } from '../../types.js';
import { ownMember } from '../../compile/own-member.js';

/**
 * A compared value in words: its text and, for a number each domain sets read outside any one
 * domain, each domain's value ("Involvement and information 9, Safeguarding and safety 12").
 */
export interface ValueWords {
  text: string;
  byDomain?: string;
}

/** What a number each domain sets reads as outside any one domain, before each domain's value. */
export const DOMAIN_NUMBER_WORDS = "the domain's number";

const show = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));

/**
 * A declared parameter (`{ "param": name }`) in words, never by its id or its label: in a domain
 * (`domain`, its id) the domain's value, else the pack-wide one; outside any one domain, a number
 * the domains set (differently) reads as "the domain's number" with each domain's value, by the
 * domain's title; otherwise the pack-wide value.
 * @example parameterWords(birmingham, 'silverMinFullyMet', 'safeguarding') // { text: '12' }
 * @example parameterWords(birmingham, 'silverMinFullyMet').byDomain // 'Involvement and information 9, …, Quality of management 13'
 * @example parameterWords(birmingham, 'iapSubmitDays') // { text: '7' }
 */
export function parameterWords(pack: Pick<Pack, 'parameters' | 'framework'>, name: string, domain?: string): ValueWords {
  const domains = pack.framework?.domains ?? [];
  const declared = ownMember(pack.parameters, name)?.value;
  const valueIn = (d: (typeof domains)[number]): unknown => ownMember(d.parameters, name) ?? declared;
  const inDomain = domain === undefined ? undefined : domains.find((d) => d.id === domain);
  if (inDomain && valueIn(inDomain) !== undefined) return { text: show(valueIn(inDomain)) };
  if (domain === undefined && domains.some((d) => ownMember(d.parameters, name) !== undefined)) {
    const values = domains.map(valueIn);
    if (values.every((v) => v !== undefined && v === values[0])) return { text: show(values[0]) };
    return { text: DOMAIN_NUMBER_WORDS, byDomain: domains.map((d, i) => `${d.title} ${values[i] === undefined ? 'none' : show(values[i])}`).join(', ') };
  }
  if (declared !== undefined) return { text: show(declared) };
  return { text: 'the declared number' };
}

/**
 * A value's words as one phrase: "12", or "the domain's number (Involvement and information 9, …)".
 * @example valueWordsText({ text: "the domain's number", byDomain: 'Safeguarding and safety 12' }) // "the domain's number (Safeguarding and safety 12)"
 */
export function valueWordsText(v: ValueWords): string {
  return v.byDomain ? `${v.text} (${v.byDomain})` : v.text;
}
