import { Page } from '@callgrade/contracts';
import { CalibrationStatus } from '@callgrade/database';
import type { CalibrationReport } from '@callgrade/review-rules';
import { Answers, Scorecard } from '@callgrade/scoring';

/** A session in a list, with progress and what the caller still has to score. */
export interface CalibrationSessionSummary {
  id: string;
  title: string;
  status: CalibrationStatus;
  leadId: string;
  leadName: string;
  deadline: Date;
  createdAt: Date;
  closedAt: Date | null;
  recordings: number;
  participants: number;
  /** Reviewer answer sheets submitted (the reference not counted), out of recordings × participants. */
  responsesIn: number;
  responsesExpected: number;
  /** Recordings with a reference answer. */
  references: number;
  isLead: boolean;
  isParticipant: boolean;
  /** Recordings the caller still has to score, in session order; empty once closed. */
  toScore: string[];
}

export type CalibrationPage = Page<CalibrationSessionSummary>;

export interface CalibrationRecordingView {
  recordingId: string;
  externalId: string;
  position: number;
  durationMs: number;
  startedAt: Date;
  /** The existing recording routes serve the audio and transcript to QA roles. */
  audioUrl: string;
  transcriptUrl: string;
}

export interface CalibrationParticipantView {
  reviewerId: string;
  displayName: string;
}

/** That an answer sheet exists, without its answers: what the lead sees while scoring is blind. */
export interface CalibrationSubmission {
  recordingId: string;
  reviewerId: string;
  isReference: boolean;
  submittedAt: Date;
}

export interface CalibrationResponseView extends CalibrationSubmission {
  answers: Answers;
  percent: number | null;
}

export interface CalibrationSessionDetail extends Omit<CalibrationSessionSummary, 'recordings' | 'participants'> {
  closedBy: string | null;
  scorecard: { versionId: string; scorecardId: string; version: number; definition: Scorecard };
  recordings: CalibrationRecordingView[];
  participants: CalibrationParticipantView[];
  /** Every sheet handed in, by anyone, without answers. */
  submissions: CalibrationSubmission[];
  /** True while open: `responses` then holds only the caller's own sheets. */
  blind: boolean;
  /** The answer sheets the caller may read: their own while open, all of them once closed. */
  responses: CalibrationResponseView[];
  /** The report computed on close; null while open. */
  results: CalibrationReport | null;
}

export interface CalibrationResults {
  sessionId: string;
  title: string;
  scorecardVersionId: string;
  closedAt: Date;
  closedBy: string | null;
  participants: CalibrationParticipantView[];
  report: CalibrationReport;
}
