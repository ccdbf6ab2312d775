/** Where an evaluation is in review; stored as the `evaluation_state` enum. */
export enum EvaluationState {
  Draft = 'draft',
  Submitted = 'submitted',
  Acknowledged = 'acknowledged',
  Disputed = 'disputed',
  Resolved = 'resolved',
}
