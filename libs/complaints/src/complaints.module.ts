import { Module } from '@nestjs/common';
import { AuditModule } from '@callgrade/audit';
import { EventsModule } from '@callgrade/events';
import { CheckComplaintDeadline } from './check-complaint-deadline.usecase';
import { ComplaintCategoriesService } from './complaint-categories.service';
import { ComplaintNotifier } from './complaint-notifier';
import { ComplaintQueries } from './complaint-queries.service';
import { ComplaintReportQuery } from './complaint-report.query';
import { ComplaintSettingsService } from './complaint-settings.service';
import { DisputeInbox } from './dispute-inbox.service';
import { GiveAgentAccount } from './give-agent-account.usecase';
import { LogComplaint } from './log-complaint.usecase';
import { MoveComplaint } from './move-complaint.usecase';
import { SweepComplaintDeadlines } from './sweep-complaint-deadlines.usecase';
import { UpdateComplaint } from './update-complaint.usecase';

const USE_CASES = [LogComplaint, MoveComplaint, UpdateComplaint, GiveAgentAccount, CheckComplaintDeadline, SweepComplaintDeadlines];
const QUERIES = [ComplaintQueries, ComplaintReportQuery, ComplaintSettingsService, ComplaintCategoriesService, DisputeInbox];

/** Customer complaints as cases with deadlines and an append-only history, and the dispute team's inbox. */
@Module({
  imports: [AuditModule, EventsModule],
  providers: [ComplaintNotifier, ...USE_CASES, ...QUERIES],
  exports: [...USE_CASES, ...QUERIES],
})
export class ComplaintsModule {}
