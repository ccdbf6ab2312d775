import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import {
  addWorkingMinutes,
  assertCanReopen,
  ComplaintMove,
  ComplaintOutcome,
  isFirstResponse,
  MAX_DESCRIPTION_LENGTH,
  nextComplaintState,
  textProblem,
} from '@callgrade/complaint-rules';
import { ComplaintEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { DataSource } from 'typeorm';
import { actorOf } from './complaint-access';
import { ComplaintNotifier } from './complaint-notifier';
import { underComplaintRules } from './complaint-rule-errors';
import { ComplaintSettingsService } from './complaint-settings.service';
import { assertCurrentVersion, lockComplaint, saveComplaintChange, scheduleDeadline } from './complaint-store';

export interface MoveComplaintCommand {
  move: ComplaintMove;
  /** The version the caller read; a stale one is refused. */
  version: number;
  note?: string;
  /** Resolve only. */
  outcome?: ComplaintOutcome;
  remedy?: string;
  customerTold?: string;
}

/**
 * Someone handling a complaint moves it on: triage, investigate, escalate, resolve (with the outcome,
 * the remedy and what the customer was told), close, or reopen within the window. The transition table
 * decides what the state and the caller's role allow; the version the caller read must still be current.
 * The first move out of `new` is the first response. Reopening starts a new resolution deadline.
 */
@Injectable()
export class MoveComplaint {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ComplaintSettingsService,
    private readonly notifier: ComplaintNotifier,
  ) {}

  async execute(principal: Principal, complaintId: string, command: MoveComplaintCommand): Promise<ComplaintEntity> {
    this.checkText(command);
    const settings = await this.settings.current();
    const now = new Date();
    const complaint = await this.dataSource.transaction(async (manager) => {
      const complaint = await lockComplaint(manager, complaintId);
      const from = complaint.state;
      const to = underComplaintRules(() => nextComplaintState(from, command.move, actorOf(principal)));
      assertCurrentVersion(complaint, command.version);
      const fields: Partial<ComplaintEntity> = { state: to };
      if (isFirstResponse(from) && !complaint.firstRespondedAt) fields.firstRespondedAt = now;
      switch (command.move) {
        case 'escalate':
          fields.escalatedAt = now;
          break;
        case 'resolve':
          if (!command.outcome) throw DomainError.validation({ outcome: 'is required to resolve: upheld, partly_upheld or not_upheld' });
          if (!command.customerTold?.trim()) throw DomainError.validation({ customerTold: 'is required to resolve: what the customer was told' });
          Object.assign(fields, {
            resolvedAt: now,
            outcome: command.outcome,
            remedy: command.remedy?.trim() || null,
            customerTold: command.customerTold.trim(),
          });
          break;
        case 'close':
          fields.closedAt = now;
          break;
        case 'reopen': {
          underComplaintRules(() => assertCanReopen(complaint.resolvedAt!, now, settings.reopenWindowHours));
          const resolutionDueAt = addWorkingMinutes(now, settings.deadlines[complaint.severity].resolutionMinutes, settings);
          Object.assign(fields, { resolvedAt: null, closedAt: null, outcome: null, resolutionDueAt, resolutionBreachedAt: null });
          await scheduleDeadline(manager, complaint.id, 'resolution', resolutionDueAt);
          break;
        }
        case 'triage':
        case 'investigate':
          break;
      }
      await saveComplaintChange(manager, complaint, fields, {
        type: 'moved',
        actor: principal,
        fromState: from,
        toState: to,
        changes: changesOf(complaint, fields),
        note: command.note?.trim() || null,
      });
      return complaint;
    });
    if (command.move === 'escalate') await this.notifier.escalated(complaint, 'by_hand');
    return complaint;
  }

  private checkText(command: MoveComplaintCommand) {
    const errors: Record<string, string> = {};
    for (const field of ['note', 'remedy', 'customerTold'] as const) {
      const value = command[field];
      const problem = value === undefined ? null : textProblem(value, MAX_DESCRIPTION_LENGTH);
      if (problem) errors[field] = problem;
    }
    if (command.move !== 'resolve') {
      for (const field of ['outcome', 'remedy', 'customerTold'] as const) if (command[field] !== undefined) errors[field] = 'is only given when resolving';
    }
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }
}

/** Each field that changes, from what to what, for the history. Read before the row is updated. */
export function changesOf(complaint: ComplaintEntity, fields: Partial<ComplaintEntity>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(fields)) {
    const from = complaint[key as keyof ComplaintEntity];
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
