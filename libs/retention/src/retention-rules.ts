/** What a retention policy deletes, kind by kind. Audio includes its derived files (the muted copy). */
export type RetainedKind = 'audio' | 'transcript' | 'scores';

export const RETAINED_KINDS: readonly RetainedKind[] = ['audio', 'transcript', 'scores'];

/** Days to keep each kind after the call started; null keeps it for ever. */
export interface RetentionPolicy {
  audioDays: number | null;
  transcriptDays: number | null;
  scoreDays: number | null;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { audioDays: 90, transcriptDays: 365, scoreDays: null };

/** What the purge needs to know about one recording. */
export interface RetentionCandidate {
  recordingId: string;
  startedAt: Date;
  legalHold: boolean;
  /** Still being transcribed or scored: nothing is deleted under a job's feet. */
  processing: boolean;
  /** Kinds already deleted. */
  purged: ReadonlySet<RetainedKind>;
}

export interface DuePurge {
  recordingId: string;
  kinds: RetainedKind[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 36_500;

const daysFor = (policy: RetentionPolicy, kind: RetainedKind): number | null =>
  kind === 'audio' ? policy.audioDays : kind === 'transcript' ? policy.transcriptDays : policy.scoreDays;

/** The kinds of one recording whose time is up: none while it is on legal hold or still processing. */
export function kindsDue(candidate: RetentionCandidate, policy: RetentionPolicy, now: Date): RetainedKind[] {
  if (candidate.legalHold || candidate.processing) return [];
  const ageMs = now.getTime() - candidate.startedAt.getTime();
  return RETAINED_KINDS.filter((kind) => {
    const days = daysFor(policy, kind);
    return days !== null && !candidate.purged.has(kind) && ageMs >= days * DAY_MS;
  });
}

/** Every recording with something due, in the order given. */
export function duePurges(candidates: readonly RetentionCandidate[], policy: RetentionPolicy, now: Date): DuePurge[] {
  return candidates.map((c) => ({ recordingId: c.recordingId, kinds: kindsDue(c, policy, now) })).filter((d) => d.kinds.length > 0);
}

/**
 * Calls that started before this instant may have something due; later ones cannot. Null when the
 * policy keeps everything for ever. Lets the database narrow the candidates before the rules decide.
 */
export function latestDueStart(policy: RetentionPolicy, now: Date): Date | null {
  const days = RETAINED_KINDS.map((k) => daysFor(policy, k)).filter((d): d is number => d !== null);
  return days.length ? new Date(now.getTime() - Math.min(...days) * DAY_MS) : null;
}

export interface PolicyIssue {
  field: string;
  problem: string;
}

/** Checks a policy sent by a client: each kind a whole number of days from 1 to 36,500, or null for ever. */
export function parseRetentionPolicy(input: unknown): { ok: true; policy: RetentionPolicy } | { ok: false; issues: PolicyIssue[] } {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, issues: [{ field: 'policy', problem: 'an object with audioDays, transcriptDays and scoreDays' }] };
  const raw = input as Record<string, unknown>;
  const issues: PolicyIssue[] = [];
  const known = new Set(['audioDays', 'transcriptDays', 'scoreDays']);
  for (const key of Object.keys(raw)) if (!known.has(key)) issues.push({ field: key, problem: 'not a retention setting' });
  const days = (field: keyof RetentionPolicy): number | null => {
    const value = raw[field];
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
      issues.push({ field, problem: `required: whole days from 1 to ${MAX_DAYS}, or null to keep for ever` });
      return null;
    }
    return value;
  };
  const policy = { audioDays: days('audioDays'), transcriptDays: days('transcriptDays'), scoreDays: days('scoreDays') };
  return issues.length ? { ok: false, issues } : { ok: true, policy };
}
