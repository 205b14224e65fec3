/**
 * SQL over a determination `d`: it is the assessment's current determination, not one that a
 * re-determination superseded (superseded ones stay in the record, see `determination_supersessions`).
 */
export const CURRENT_DETERMINATION_SQL = 'NOT EXISTS (SELECT 1 FROM determination_supersessions ds WHERE ds.determination_id = d.id)';

/**
 * SQL over an assessment `a`: it counts towards a provider's rating, actions and schedule. An
 * assessment stored by submitting a visit record is provisional until a second person signs the
 * record off ("A determination is only final when signed off", issue 12); one entered directly is final.
 */
export const FINAL_ASSESSMENT_SQL = 'NOT a.provisional';
