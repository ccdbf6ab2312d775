import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { ComplaintSettings, complaintSettingsIssues, DEFAULT_COMPLAINT_SETTINGS } from '@callgrade/complaint-rules';
import { ComplaintSettingsEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { Repository } from 'typeorm';
import { issuesToErrors } from './complaint-rule-errors';

/** The company's deadlines per severity, business hours and reopen window; the defaults until an admin saves them. */
@Injectable()
export class ComplaintSettingsService {
  constructor(
    @InjectRepository(ComplaintSettingsEntity) private readonly settings: Repository<ComplaintSettingsEntity>,
    private readonly audit: AuditLog,
  ) {}

  async current(): Promise<ComplaintSettings> {
    const row = await this.settings.findOneBy({ id: 1 });
    return row ? { ...DEFAULT_COMPLAINT_SETTINGS, ...(row.settings as Partial<ComplaintSettings>) } : DEFAULT_COMPLAINT_SETTINGS;
  }

  /** Replaces the settings; 422 naming every bad field, nothing saved. Deadlines already set on complaints stand. */
  async replace(principal: Principal, settings: ComplaintSettings): Promise<ComplaintSettings> {
    const issues = complaintSettingsIssues(settings);
    if (issues.length > 0) throw DomainError.validation(issuesToErrors(issues), 'The complaint settings are invalid');
    const before = await this.current();
    await this.settings.upsert({ id: 1, settings, updatedBy: principal.id }, ['id']);
    await this.audit.record(principal, {
      action: 'complaint_settings.updated',
      resourceType: 'complaint_settings',
      resourceId: '1',
      details: { before: JSON.stringify(before), after: JSON.stringify(settings) },
    });
    return this.current();
  }
}
