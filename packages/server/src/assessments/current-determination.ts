/**
 * SQL over a determination `d`: it is the assessment's current determination, not one that a
 * re-determination superseded (superseded ones stay in the record, see `determination_supersessions`).
 */
export const CURRENT_DETERMINATION_SQL = 'NOT EXISTS (SELECT 1 FROM determination_supersessions ds WHERE ds.determination_id = d.id)';
