/**
 * SQL over a determination `d`: it is the assessment's current determination, not one that a
 * re-determination superseded (superseded ones stay in the record, see `determination_supersessions`).
 */
export const CURRENT_DETERMINATION_SQL = 'NOT EXISTS (SELECT 1 FROM determination_supersessions ds WHERE ds.determination_id = d.id)';

/**
 * SQL over an assessment `a`: it counts towards a provider's rating, actions and schedule. An
 * assessment stored by submitting a visit record (`a.provisional`, written with the row) is
 * provisional until a second person signs that record off ("A determination is only final when
 * signed off", issue 12): final once the visit record pointing at it is signed off or beyond. The
 * assessment row itself never changes (`assessments` is append-only). One entered directly is final;
 * an earlier submission of a record returned and submitted again stays provisional.
 */
export const FINAL_ASSESSMENT_SQL = `(NOT a.provisional OR EXISTS (SELECT 1 FROM visit_records fv
  WHERE fv.assessment_id = a.id AND fv.status IN ('signed-off', 'shared', 'final')))`;
