import { DomainError, ErrorCode } from '@callgrade/http';
import { ComplaintIssue, ComplaintRuleError, ComplaintRuleErrorCode } from '@callgrade/complaint-rules';

export const issuesToErrors = (issues: ComplaintIssue[]): Record<string, string> => Object.fromEntries(issues.map((i) => [i.field, i.problem]));

/** Runs a complaint rule and turns its refusal into the HTTP-facing error: 409 for state, 403 for role, 422 for input. */
export function underComplaintRules<T>(rule: () => T): T {
  try {
    return rule();
  } catch (e) {
    if (!(e instanceof ComplaintRuleError)) throw e;
    switch (e.code) {
      case ComplaintRuleErrorCode.IllegalTransition:
      case ComplaintRuleErrorCode.ReopenWindowClosed:
        throw new DomainError(ErrorCode.Conflict, e.message, { move: e.message });
      case ComplaintRuleErrorCode.MoveNotAllowed:
        throw new DomainError(ErrorCode.Forbidden, e.message);
      case ComplaintRuleErrorCode.InvalidInput:
        throw DomainError.validation(e.issues.length > 0 ? issuesToErrors(e.issues) : { request: e.message }, e.message);
    }
  }
}
