import { Scorecard, ScoringSettings } from '@callgrade/scoring';

/** A scorecard as listed: its latest version number and whether it is the default or archived. */
export interface ScorecardSummary {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  archivedAt: Date | null;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One version; `frozen` once it has scored a call, after which edits make a new version. */
export interface ScorecardVersionView {
  id: string;
  scorecardId: string;
  version: number;
  definition: Scorecard;
  createdBy: string | null;
  createdAt: Date;
  firstUsedAt: Date | null;
  frozen: boolean;
}

/** A scorecard with all its versions, newest first. */
export interface ScorecardDetail extends ScorecardSummary {
  versions: ScorecardVersionView[];
}

/** What auto-scoring applies: the default scorecard's latest version. */
export interface ScorecardForScoring {
  scorecardId: string;
  versionId: string;
  version: number;
  definition: Scorecard;
}

/** One version of the company's scoring settings; the highest is current. */
export interface ScoringSettingsVersionView {
  versionId: string;
  version: number;
  settings: ScoringSettings;
  createdBy: string | null;
  createdAt: Date;
}
