import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import {
  ComplaintSeverity,
  complaintDeadlines,
  customerReferenceProblem,
  MAX_DESCRIPTION_LENGTH,
  MAX_SHORT_TEXT_LENGTH,
  textProblem,
} from '@callgrade/complaint-rules';
import { ComplaintCategoryEntity, ComplaintChannel, ComplaintEntity, isUniqueViolation, RecordingEntity, UserEntity, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ComplaintSettingsService } from './complaint-settings.service';
import { appendComplaintEvent, scheduleDeadline } from './complaint-store';

export interface LogComplaintCommand {
  externalId?: string;
  channel: ComplaintChannel;
  customerReference: string;
  /** The call, by our id or by the phone system's call id. */
  recordingId?: string;
  callId?: string;
  /** Needed only when the call is not given; otherwise taken from the call. */
  agentId?: string;
  categoryId?: string;
  categoryKey?: string;
  severity: ComplaintSeverity;
  description: string;
  /** When the customer complained; default now. Deadlines run from here. */
  receivedAt?: Date;
}

export interface LoggedComplaint {
  complaint: ComplaintEntity;
  /** False when the same externalId and body came again: the complaint logged the first time. */
  created: boolean;
}

/**
 * A supervisor, the dispute team or a CRM logs a customer complaint against a call and its agent. It
 * starts `new`, with its first-response and resolution deadlines set from the company's settings and a
 * timer for each in the outbox, in one transaction. Posting the same `externalId` again with the same
 * body returns the first complaint; with another body it is refused.
 */
@Injectable()
export class LogComplaint {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ComplaintSettingsService,
  ) {}

  async execute(principal: Principal, command: LogComplaintCommand): Promise<LoggedComplaint> {
    this.checkText(command);
    const requestHash = hashOf(command);
    if (command.externalId) {
      const earlier = await this.earlier(this.dataSource.manager, principal.id, command.externalId, requestHash);
      if (earlier) return { complaint: earlier, created: false };
    }
    const [recording, category] = await Promise.all([this.call(command), this.category(command)]);
    const agent = await this.agent(command, recording);
    const settings = await this.settings.current();
    const receivedAt = command.receivedAt ?? new Date();
    const deadlines = complaintDeadlines(receivedAt, command.severity, settings);
    try {
      const complaint = await this.dataSource.transaction(async (manager) => {
        const row = manager.create(ComplaintEntity, {
          recordingId: recording?.id ?? null,
          agentId: agent.id,
          teamId: agent.teamId,
          receivedAt,
          description: command.description,
          externalId: command.externalId ?? null,
          clientId: principal.id,
          requestHash,
          channel: command.channel,
          customerReference: command.customerReference.trim(),
          categoryId: category.id,
          severity: command.severity,
          state: 'new',
          version: 1,
          createdBy: principal.kind === 'user' ? principal.id : null,
          createdByApiKey: principal.kind === 'api_key' ? principal.id : null,
          firstResponseDueAt: deadlines.first_response,
          resolutionDueAt: deadlines.resolution,
        });
        await manager.insert(ComplaintEntity, row);
        await appendComplaintEvent(manager, row, { type: 'created', actor: principal, toState: 'new' });
        await scheduleDeadline(manager, row.id, 'first_response', deadlines.first_response);
        await scheduleDeadline(manager, row.id, 'resolution', deadlines.resolution);
        return row;
      });
      return { complaint, created: true };
    } catch (e) {
      // Two identical posts at once: the second finds the first.
      if (command.externalId && isUniqueViolation(e)) {
        const earlier = await this.earlier(this.dataSource.manager, principal.id, command.externalId, requestHash);
        if (earlier) return { complaint: earlier, created: false };
      }
      throw e;
    }
  }

  private checkText(command: LogComplaintCommand) {
    const errors: Record<string, string> = {};
    const reference = customerReferenceProblem(command.customerReference);
    if (reference) errors.customerReference = reference;
    const description = command.description.trim().length === 0 ? 'must not be empty' : textProblem(command.description, MAX_DESCRIPTION_LENGTH);
    if (description) errors.description = description;
    for (const field of ['externalId', 'callId'] as const) {
      const value = command[field];
      const problem = value === undefined ? null : value.trim().length === 0 ? 'must not be empty' : textProblem(value, MAX_SHORT_TEXT_LENGTH);
      if (problem) errors[field] = problem;
    }
    if (command.recordingId && command.callId) errors.callId = 'give either recordingId or callId, not both';
    if (command.categoryId && command.categoryKey) errors.categoryKey = 'give either categoryId or categoryKey, not both';
    if (!command.categoryId && !command.categoryKey) errors.categoryId = 'is required (or categoryKey)';
    if (command.receivedAt && command.receivedAt.getTime() > Date.now() + 60_000) errors.receivedAt = 'must not be in the future';
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }

  private async earlier(manager: EntityManager, clientId: string, externalId: string, requestHash: string): Promise<ComplaintEntity | null> {
    const row = await manager
      .createQueryBuilder(ComplaintEntity, 'c')
      .addSelect('c.requestHash')
      .where('c.clientId = :clientId AND c.externalId = :externalId', { clientId, externalId })
      .getOne();
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      throw new DomainError(ErrorCode.Conflict, `Complaint ${externalId} was already logged with different details`, {
        externalId: 'was already used for a different complaint',
      });
    }
    return row;
  }

  private async call(command: LogComplaintCommand): Promise<RecordingEntity | null> {
    if (!command.recordingId && !command.callId) return null;
    const recording = await this.dataSource.manager.findOne(RecordingEntity, {
      select: { id: true, agentId: true },
      where: command.recordingId ? { id: command.recordingId } : { externalId: command.callId },
    });
    if (!recording) throw DomainError.validation(command.recordingId ? { recordingId: 'no such recording' } : { callId: 'no recording has this call id' });
    return recording;
  }

  private async category(command: LogComplaintCommand): Promise<ComplaintCategoryEntity> {
    const category = await this.dataSource.manager.findOneBy(
      ComplaintCategoryEntity,
      command.categoryId ? { id: command.categoryId, active: true } : { key: command.categoryKey, active: true },
    );
    if (!category) throw DomainError.validation(command.categoryId ? { categoryId: 'no such category' } : { categoryKey: 'no such category' });
    return category;
  }

  private async agent(command: LogComplaintCommand, recording: RecordingEntity | null): Promise<UserEntity> {
    if (recording && command.agentId && command.agentId !== recording.agentId) throw DomainError.validation({ agentId: 'is not the agent of this call' });
    const agentId = recording?.agentId ?? command.agentId;
    if (!agentId) throw DomainError.validation({ agentId: 'is required when the call is not given' });
    const agent = await this.dataSource.manager.findOneBy(UserEntity, { id: agentId, role: UserRole.Agent });
    if (!agent) throw DomainError.validation({ agentId: 'no such agent' });
    return agent;
  }
}

/** The body as the client sent it, in a stable form: the same body twice gives the same hash. */
function hashOf(command: LogComplaintCommand): string {
  const canonical = Object.entries({ ...command, receivedAt: command.receivedAt?.toISOString() })
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
