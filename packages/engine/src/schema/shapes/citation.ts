import { Type, type Static, type TString } from '@sinclair/typebox';

/** An ISO date, `YYYY-MM-DD`, with these options (a description). */
export const DateOf = (options: { description?: string } = {}): TString => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', ...options });

/** `$defs.date`: an ISO date, `YYYY-MM-DD`. */
export const DateSchema = DateOf();

/** `$defs.id`: the id of a rule, action, schedule entry, score, case, domain, standard or criterion. */
export const IdSchema = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' });

/** `$defs.citation`: a document id declared in `sources` and one of its sections. */
export const CitationSchema = Type.Object({
  doc: Type.String(),
  section: Type.String(),
  /** Optional short quotation or page reference, shown beside the citation. */
  quote: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'A document id from `sources` and one of its sections.' });
export type Citation = Static<typeof CitationSchema>;
