export enum ComplaintRuleErrorCode {
  IllegalTransition = 'illegal_transition',
  MoveNotAllowed = 'move_not_allowed',
  ReopenWindowClosed = 'reopen_window_closed',
  InvalidInput = 'invalid_input',
}

/** A problem with one field of the input, named by its path ("deadlines.high.resolutionMinutes"). */
export interface ComplaintIssue {
  field: string;
  problem: string;
}

export class ComplaintRuleError extends Error {
  constructor(
    readonly code: ComplaintRuleErrorCode,
    message: string,
    readonly issues: ComplaintIssue[] = [],
  ) {
    super(message);
    this.name = 'ComplaintRuleError';
  }
}
