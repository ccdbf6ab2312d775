export { ComplaintRuleError, ComplaintRuleErrorCode } from './complaint-rules.error';
export type { ComplaintIssue } from './complaint-rules.error';

export {
  agentMayGiveAccount,
  allowedComplaintMoves,
  assertCanReopen,
  COMPLAINT_MOVES,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATES,
  isFirstResponse,
  isOpenComplaint,
  isVisibleToAgent,
  nextComplaintState,
} from './complaint-lifecycle';
export type { ComplaintActor, ComplaintMove, ComplaintOutcome, ComplaintState } from './complaint-lifecycle';

export { addWorkingMinutes, COMPLAINT_SEVERITIES, complaintDeadlines, complaintSettingsIssues, DEFAULT_COMPLAINT_SETTINGS } from './complaint-deadlines';
export type { BusinessHours, ComplaintSettings, ComplaintSeverity, DeadlineKind, SeverityDeadlines } from './complaint-deadlines';

export {
  customerReferenceProblem,
  looksLikeCardNumber,
  maskCustomerReference,
  MAX_CUSTOMER_REFERENCE_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_SHORT_TEXT_LENGTH,
  textProblem,
} from './complaint-input';

export { instantOf, isValidTimeZone, wallTimeAt } from './zoned-time';

export { COMPLAINT_REPORT_CSV_HEADER, complaintReportCsv, csvCell, rate } from './complaint-report';
export type { ComplaintReport, CountRow, DurationFigures } from './complaint-report';
