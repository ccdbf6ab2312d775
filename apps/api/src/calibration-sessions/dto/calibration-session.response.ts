import { Page } from '@callgrade/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CalibrationParticipantView,
  CalibrationRecordingView,
  CalibrationResponseView,
  CalibrationResults,
  CalibrationSessionDetail,
  CalibrationSessionSummary,
  CalibrationSubmission,
} from '@callgrade/calibration';

const STATUSES = ['open', 'closed'];

const REPORT_DOC = {
  type: 'object',
  additionalProperties: true,
  description:
    'The calibration report: { reviewers, recordings, criteria: [{ criterionId, title, agreement (share of reviewer pairs on a call who answered alike, 0..1), ratings, referenceMatch }], ' +
    'totals: [{ recordingId, reference (percent), byReviewer: [{ reviewerId, percent }], spread: { n, min, max, range, mean, sd } }], ' +
    'reviewerDeviations: [{ reviewerId, meanAbsoluteDeviation (percentage points from the reference), criteriaDiffering, criteriaCompared }], ' +
    "reliability: { method: 'krippendorff_alpha', metric: 'interval', alpha, pairableUnits } }. Reviewers who did not answer a call are missing values.",
} as const;

export class CalibrationSessionSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() leadId: string;
  @ApiProperty() leadName: string;
  @ApiProperty() deadline: Date;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true }) closedAt: Date | null;
  @ApiProperty() recordings: number;
  @ApiProperty() participants: number;
  @ApiProperty({ description: 'Reviewer answer sheets handed in (reference not counted)' }) responsesIn: number;
  @ApiProperty({ description: 'recordings × participants' }) responsesExpected: number;
  @ApiProperty({ description: 'Calls with a reference answer' }) references: number;
  @ApiProperty() isLead: boolean;
  @ApiProperty() isParticipant: boolean;
  @ApiProperty({ type: [String], description: 'Calls the caller still has to score, in session order' }) toScore: string[];

  static from(s: CalibrationSessionSummary): CalibrationSessionSummaryResponse {
    return {
      id: s.id,
      title: s.title,
      status: s.status,
      leadId: s.leadId,
      leadName: s.leadName,
      deadline: s.deadline,
      createdAt: s.createdAt,
      closedAt: s.closedAt,
      recordings: s.recordings,
      participants: s.participants,
      responsesIn: s.responsesIn,
      responsesExpected: s.responsesExpected,
      references: s.references,
      isLead: s.isLead,
      isParticipant: s.isParticipant,
      toScore: s.toScore,
    };
  }
}

export class CalibrationSessionPageResponse implements Page<CalibrationSessionSummaryResponse> {
  @ApiProperty({ type: [CalibrationSessionSummaryResponse] }) items: CalibrationSessionSummaryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CalibrationRecordingResponse {
  @ApiProperty() recordingId: string;
  @ApiProperty() externalId: string;
  @ApiProperty() position: number;
  @ApiProperty() durationMs: number;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ example: '/api/v1/recordings/{id}/audio' }) audioUrl: string;
  @ApiProperty({ example: '/api/v1/recordings/{id}/transcript' }) transcriptUrl: string;

  static from(r: CalibrationRecordingView): CalibrationRecordingResponse {
    return {
      recordingId: r.recordingId,
      externalId: r.externalId,
      position: r.position,
      durationMs: r.durationMs,
      startedAt: r.startedAt,
      audioUrl: r.audioUrl,
      transcriptUrl: r.transcriptUrl,
    };
  }
}

export class CalibrationParticipantResponse {
  @ApiProperty() reviewerId: string;
  @ApiProperty() displayName: string;

  static from(p: CalibrationParticipantView): CalibrationParticipantResponse {
    return { reviewerId: p.reviewerId, displayName: p.displayName };
  }
}

export class CalibrationSubmissionResponse {
  @ApiProperty() recordingId: string;
  @ApiProperty() reviewerId: string;
  @ApiProperty({ description: "The lead's reference answer" }) isReference: boolean;
  @ApiProperty() submittedAt: Date;

  static from(s: CalibrationSubmission): CalibrationSubmissionResponse {
    return { recordingId: s.recordingId, reviewerId: s.reviewerId, isReference: s.isReference, submittedAt: s.submittedAt };
  }
}

export class CalibrationSheetResponse extends CalibrationSubmissionResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description: 'Answers by criterion id' }) answers: object;
  @ApiPropertyOptional({ nullable: true, description: 'Total the server computed, 0..100' }) percent: number | null;

  static override from(r: CalibrationResponseView): CalibrationSheetResponse {
    return { ...CalibrationSubmissionResponse.from(r), answers: r.answers, percent: r.percent };
  }
}

export class CalibrationScorecardResponse {
  @ApiProperty() versionId: string;
  @ApiProperty() scorecardId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) definition: object;
}

export class CalibrationSessionResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() leadId: string;
  @ApiProperty() leadName: string;
  @ApiProperty() deadline: Date;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) closedBy: string | null;
  @ApiProperty() responsesIn: number;
  @ApiProperty() responsesExpected: number;
  @ApiProperty() references: number;
  @ApiProperty() isLead: boolean;
  @ApiProperty() isParticipant: boolean;
  @ApiProperty({ type: [String] }) toScore: string[];
  @ApiProperty({ type: CalibrationScorecardResponse }) scorecard: CalibrationScorecardResponse;
  @ApiProperty({ type: [CalibrationRecordingResponse] }) recordings: CalibrationRecordingResponse[];
  @ApiProperty({ type: [CalibrationParticipantResponse] }) participants: CalibrationParticipantResponse[];
  @ApiProperty({ type: [CalibrationSubmissionResponse], description: 'Who handed in which sheet, without the answers' })
  submissions: CalibrationSubmissionResponse[];
  @ApiProperty({ description: 'While open, `responses` holds only the caller’s own sheets' }) blind: boolean;
  @ApiProperty({ type: [CalibrationSheetResponse], description: 'The caller’s own sheets while open; everyone’s once closed' })
  responses: CalibrationSheetResponse[];
  @ApiPropertyOptional({ ...REPORT_DOC, nullable: true }) results: object | null;

  static from(s: CalibrationSessionDetail): CalibrationSessionResponse {
    return {
      id: s.id,
      title: s.title,
      status: s.status,
      leadId: s.leadId,
      leadName: s.leadName,
      deadline: s.deadline,
      createdAt: s.createdAt,
      closedAt: s.closedAt,
      closedBy: s.closedBy,
      responsesIn: s.responsesIn,
      responsesExpected: s.responsesExpected,
      references: s.references,
      isLead: s.isLead,
      isParticipant: s.isParticipant,
      toScore: s.toScore,
      scorecard: s.scorecard,
      recordings: s.recordings.map(CalibrationRecordingResponse.from),
      participants: s.participants.map(CalibrationParticipantResponse.from),
      submissions: s.submissions.map(CalibrationSubmissionResponse.from),
      blind: s.blind,
      responses: s.responses.map(CalibrationSheetResponse.from),
      results: s.results,
    };
  }
}

export class CalibrationResultsResponse {
  @ApiProperty() sessionId: string;
  @ApiProperty() title: string;
  @ApiProperty() scorecardVersionId: string;
  @ApiProperty() closedAt: Date;
  @ApiPropertyOptional({ nullable: true }) closedBy: string | null;
  @ApiProperty({ type: [CalibrationParticipantResponse] }) participants: CalibrationParticipantResponse[];
  @ApiProperty(REPORT_DOC) report: object;

  static from(r: CalibrationResults): CalibrationResultsResponse {
    return {
      sessionId: r.sessionId,
      title: r.title,
      scorecardVersionId: r.scorecardVersionId,
      closedAt: r.closedAt,
      closedBy: r.closedBy,
      participants: r.participants.map(CalibrationParticipantResponse.from),
      report: r.report,
    };
  }
}
