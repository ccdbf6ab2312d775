import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { AutoScoringModule } from '@callgrade/auto-scoring';
import { AuditEventsController } from './audit-events/audit-events.controller';
import { PrivacyModule } from '@callgrade/privacy';
import { PrivacyController } from './privacy/privacy.controller';
import { AutoScoresController } from './auto-scores/auto-scores.controller';
import { CalibrationModule } from '@callgrade/calibration';
import { CalibrationSessionsController } from './calibration-sessions/calibration-sessions.controller';
import { CoreModule } from '@callgrade/core';
import { EvaluationsModule } from '@callgrade/evaluations';
import { DisputesController } from './evaluations/disputes.controller';
import { EvaluationsController } from './evaluations/evaluations.controller';
import { MyEvaluationsController } from './evaluations/my-evaluations.controller';
import { AutoAgreementController } from './reports/auto-agreement.controller';
import { ReviewSettingsController } from './review-settings/review-settings.controller';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { TranscriptsModule } from '@callgrade/transcripts';
import { QueueDashboard } from './admin/queue-dashboard';
import { EventsGateway } from './events/events.gateway';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { LoginThrottleModule } from './auth/login-throttle';
import { RecordingsController } from './recordings/recordings.controller';
import { ScorecardsController } from './scorecards/scorecards.controller';
import { ScoringSettingsController } from './scoring-settings/scoring-settings.controller';
import { TeamsController } from './teams/teams.controller';
import { UsersController } from './users/users.controller';
import { ReviewSamplingModule } from '@callgrade/review-sampling';
import { AgentLeavesController } from './agent-leaves/agent-leaves.controller';
import { ReviewAssignmentsController } from './review-assignments/review-assignments.controller';
import { AgentScoreConfidenceController } from './sampling-plans/agent-score-confidence.controller';
import { SamplingPlansController, SamplingRunsController } from './sampling-plans/sampling-plans.controller';
import { ComplaintsModule } from '@callgrade/complaints';
import { ComplaintCategoriesController } from './complaints/complaint-categories.controller';
import { ComplaintSettingsController } from './complaints/complaint-settings.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { ComplaintsReportController } from './complaints/complaints-report.controller';
import { DisputeInboxController } from './complaints/dispute-inbox.controller';

/** The QA API: accounts, teams, API keys, recordings (read side), transcripts, live events. */
@Module({
  imports: [
    CoreModule,
    LoginThrottleModule,
    AccountsModule,
    RecordingsModule,
    TranscriptsModule,
    AutoScoringModule,
    ScorecardsModule,
    CalibrationModule,
    EvaluationsModule,
    ReviewSamplingModule,
    ComplaintsModule,
    PrivacyModule,
  ],
  providers: [EventsGateway, QueueDashboard],
  controllers: [
    AuditEventsController,
    PrivacyController,
    AutoScoresController,
    AuthController,
    UsersController,
    TeamsController,
    ApiKeysController,
    RecordingsController,
    ScorecardsController,
    ScoringSettingsController,
    CalibrationSessionsController,
    EvaluationsController,
    MyEvaluationsController,
    DisputesController,
    AutoAgreementController,
    ReviewSettingsController,
    SamplingPlansController,
    SamplingRunsController,
    ReviewAssignmentsController,
    AgentLeavesController,
    AgentScoreConfidenceController,
    ComplaintsController,
    ComplaintCategoriesController,
    ComplaintSettingsController,
    DisputeInboxController,
    ComplaintsReportController,
  ],
})
export class ApiModule {}
