import { Module } from '@nestjs/common';
import { AuditModule } from '@callgrade/audit';
import { EventsModule } from '@callgrade/events';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { AcknowledgeEvaluation } from './acknowledge-evaluation.usecase';
import { AutoAgreementReportQuery } from './auto-agreement.report';
import { DisputeEvaluation } from './dispute-evaluation.usecase';
import { EvaluationNotifier } from './evaluation-notifier';
import { EvaluationQueries } from './evaluation-queries.service';
import { EvaluationScoring } from './evaluation-scoring';
import { ResolveDispute } from './resolve-dispute.usecase';
import { ReviewSettingsService } from './review-settings.service';
import { SaveEvaluationDraft } from './save-evaluation-draft.usecase';
import { StartEvaluation } from './start-evaluation.usecase';
import { SubmitEvaluation } from './submit-evaluation.usecase';

const USE_CASES = [StartEvaluation, SaveEvaluationDraft, SubmitEvaluation, AcknowledgeEvaluation, DisputeEvaluation, ResolveDispute];
const QUERIES = [EvaluationQueries, AutoAgreementReportQuery, ReviewSettingsService];

@Module({
  imports: [AuditModule, EventsModule, RecordingsModule, ScorecardsModule],
  providers: [EvaluationScoring, EvaluationNotifier, ...USE_CASES, ...QUERIES],
  exports: [...USE_CASES, ...QUERIES],
})
export class EvaluationsModule {}
