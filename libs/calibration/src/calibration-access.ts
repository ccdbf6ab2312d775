import { UserPrincipal } from '@callgrade/auth';
import { CalibrationSessionEntity, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';

/** The caller's part in a session. */
export interface CalibrationStanding {
  isLead: boolean;
  isParticipant: boolean;
}

/**
 * Who may look at a session: admins always, the lead and the participants, and trainers once it is
 * closed (to teach from the results). Anyone else gets a 403 naming why.
 */
export function assertMayView(user: UserPrincipal, session: CalibrationSessionEntity, standing: CalibrationStanding): void {
  if (user.role === UserRole.Admin || standing.isLead || standing.isParticipant) return;
  if (user.role === UserRole.Trainer) {
    if (session.status === 'closed') return;
    throw new DomainError(ErrorCode.Forbidden, 'Trainers see a calibration session once it is closed');
  }
  throw new DomainError(ErrorCode.Forbidden, 'Only the lead, the participants and admins see an open calibration session');
}

/** The lead or an admin closes a session. */
export function assertMayClose(user: UserPrincipal, standing: CalibrationStanding): void {
  if (user.role === UserRole.Admin || standing.isLead) return;
  throw new DomainError(ErrorCode.Forbidden, 'Only the session lead or an admin closes a calibration session');
}

/** Answers are given blind: until the session closes, a caller sees only the answers they wrote themselves. */
export function mayReadAnswersOf(user: UserPrincipal, session: CalibrationSessionEntity, reviewerId: string): boolean {
  return session.status === 'closed' || reviewerId === user.id;
}

/** Scoring is open until the session closes and, for reviewers, until the deadline. */
export function assertOpenForAnswers(session: CalibrationSessionEntity, now: Date, options: { reference: boolean }): void {
  if (session.status === 'closed') {
    throw new DomainError(
      ErrorCode.Conflict,
      `Calibration session "${session.title}" closed at ${session.closedAt?.toISOString() ?? 'an earlier time'}; answers can no longer change`,
    );
  }
  if (!options.reference && session.deadline.getTime() <= now.getTime()) {
    throw new DomainError(
      ErrorCode.Conflict,
      `The deadline of calibration session "${session.title}" (${session.deadline.toISOString()}) has passed; answers can no longer change`,
    );
  }
}
