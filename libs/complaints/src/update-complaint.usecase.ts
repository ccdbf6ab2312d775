import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { complaintDeadlines, ComplaintSeverity, isOpenComplaint, MAX_DESCRIPTION_LENGTH, textProblem } from '@callgrade/complaint-rules';
import { ComplaintCategoryEntity, ComplaintEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { DataSource } from 'typeorm';
import { ComplaintSettingsService } from './complaint-settings.service';
import { assertCurrentVersion, lockComplaint, saveComplaintChange, scheduleDeadline } from './complaint-store';
import { changesOf } from './move-complaint.usecase';

export interface UpdateComplaintCommand {
  version: number;
  severity?: ComplaintSeverity;
  categoryId?: string;
  note?: string;
}

/**
 * Someone handling an open complaint corrects its severity or category. A new severity sets the deadlines
 * again from when the complaint was received (a met deadline stays met) with new timers; the change and
 * the note go to the history. The version read must still be current.
 */
@Injectable()
export class UpdateComplaint {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ComplaintSettingsService,
  ) {}

  async execute(principal: Principal, complaintId: string, command: UpdateComplaintCommand): Promise<ComplaintEntity> {
    const note = command.note === undefined ? null : command.note.trim();
    const noteProblem = note === null ? null : textProblem(note, MAX_DESCRIPTION_LENGTH);
    if (noteProblem) throw DomainError.validation({ note: noteProblem });
    if (command.severity === undefined && command.categoryId === undefined)
      throw DomainError.validation({ severity: 'give severity or categoryId (or both) to change' });
    if (command.categoryId !== undefined && !(await this.dataSource.manager.existsBy(ComplaintCategoryEntity, { id: command.categoryId, active: true }))) {
      throw DomainError.validation({ categoryId: 'no such category' });
    }
    const settings = await this.settings.current();
    return this.dataSource.transaction(async (manager) => {
      const complaint = await lockComplaint(manager, complaintId);
      assertCurrentVersion(complaint, command.version);
      if (!isOpenComplaint(complaint.state))
        throw new DomainError(ErrorCode.Conflict, `Complaint ${complaintId} is ${complaint.state}; reopen it to change it`, { state: complaint.state });
      const fields: Partial<ComplaintEntity> = {};
      if (command.categoryId !== undefined) fields.categoryId = command.categoryId;
      if (command.severity !== undefined && command.severity !== complaint.severity) {
        const deadlines = complaintDeadlines(complaint.receivedAt, command.severity, settings);
        fields.severity = command.severity;
        if (!complaint.firstRespondedAt) {
          Object.assign(fields, { firstResponseDueAt: deadlines.first_response, firstResponseBreachedAt: null });
          await scheduleDeadline(manager, complaint.id, 'first_response', deadlines.first_response);
        }
        Object.assign(fields, { resolutionDueAt: deadlines.resolution, resolutionBreachedAt: null });
        await scheduleDeadline(manager, complaint.id, 'resolution', deadlines.resolution);
      }
      await saveComplaintChange(manager, complaint, fields, { type: 'updated', actor: principal, changes: changesOf(complaint, fields), note });
      return complaint;
    });
  }
}
