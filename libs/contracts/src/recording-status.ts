/** Where a recording is in the pipeline. Stored as the `recording_status` enum; values are a persisted contract. */
export enum RecordingStatus {
  Received = 'received',
  Queued = 'queued',
  Transcribing = 'transcribing',
  Transcribed = 'transcribed',
  Scoring = 'scoring',
  Scored = 'scored',
  Failed = 'failed',
}
