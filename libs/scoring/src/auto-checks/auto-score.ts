import { Script } from '../matching/script';
import { evaluateScore, ScoreBreakdown } from '../scorecard/evaluate-score';
import { Criterion, CriterionAnswer, Scorecard } from '../scorecard/scorecard';
import { validateScorecard } from '../scorecard/validate-scorecard';
import { ScoringError, ScoringErrorCode } from '../scoring-error';
import { TalkFacts, Transcript } from '../transcript.types';
import { AutoCheck, AutoCheckKind, CheckResult } from './auto-check.types';
import { CheckContext, evaluateCheck } from './auto-checks';
import { ScoringProfile, ScoringProfileOptions } from './scoring-profile';
import { ScoringSettings } from './scoring-settings';

export interface AutoCriterionResult {
  criterionId: string;
  sectionId: string;
  check: AutoCheckKind;
  result: CheckResult;
  /** The answer the result gives; absent when a person must answer (N/A not allowed here). */
  answer?: CriterionAnswer;
  /** Low confidence, or no answer possible: a person should look. */
  needsReview: boolean;
}

export interface AutoScoreResult {
  language: 'en' | 'zh';
  criteria: AutoCriterionResult[];
  /** Total over the auto answers; manual criteria stay pending. */
  score: ScoreBreakdown;
}

/** Results below this confidence are flagged for review. */
const REVIEW_BELOW = 0.6;

function answerFor(criterion: Criterion, result: CheckResult): CriterionAnswer | undefined {
  switch (result.result) {
    case 'pass':
      return criterion.answerType.kind === 'scale' ? { kind: 'scale', value: criterion.answerType.max } : { kind: 'yes' };
    case 'fail':
      return criterion.answerType.kind === 'scale' ? { kind: 'scale', value: 0 } : { kind: 'no' };
    case 'na':
      return criterion.allowNa ? { kind: 'na' } : undefined;
  }
}

/** A scorecard and a company's settings compiled once, to score many calls. */
export class AutoScorer {
  private readonly profile: ScoringProfile;

  /** @throws ScoringError (InvalidScorecard) when the scorecard definition is invalid. */
  constructor(
    readonly scorecard: Scorecard,
    readonly settings: ScoringSettings,
    options: ScoringProfileOptions = {},
  ) {
    const issues = validateScorecard(scorecard);
    if (issues.length > 0) throw new ScoringError(ScoringErrorCode.InvalidScorecard, issues);
    this.profile = new ScoringProfile(settings, options);
  }

  score(transcript: Transcript, facts: TalkFacts, agentName?: string): AutoScoreResult {
    const ctx = this.contextFor(transcript, facts, agentName);
    const criteria: AutoCriterionResult[] = [];
    const answers: Record<string, CriterionAnswer> = {};
    for (const section of this.scorecard.sections) {
      for (const criterion of section.criteria) {
        if (criterion.mode !== 'auto' || !criterion.check) continue;
        const result = evaluateCheck(criterion.check, ctx);
        const answer = answerFor(criterion, result);
        if (answer) answers[criterion.id] = answer;
        criteria.push({
          criterionId: criterion.id,
          sectionId: section.id,
          check: criterion.check.kind,
          result,
          answer,
          needsReview: !answer || result.confidence < REVIEW_BELOW,
        });
      }
    }
    return { language: ctx.script === 'cjk' ? 'zh' : 'en', criteria, score: evaluateScore(this.scorecard, answers) };
  }

  /** Runs one check on its own, with this scorer's settings. */
  runCheck(check: AutoCheck, transcript: Transcript, facts: TalkFacts, agentName?: string): CheckResult {
    return evaluateCheck(check, this.contextFor(transcript, facts, agentName));
  }

  private contextFor(transcript: Transcript, facts: TalkFacts, agentName: string | undefined): CheckContext {
    const index = this.profile.matcher.index(transcript);
    return { transcript, index, facts, profile: this.profile, script: this.scriptOf(index.cjkShare), agentName };
  }

  private scriptOf(cjkShare: number): Script {
    switch (this.settings.language) {
      case 'en':
        return 'latin';
      case 'zh':
        return 'cjk';
      case 'auto':
        return cjkShare > 0.5 ? 'cjk' : 'latin';
    }
  }
}

const scorers = new WeakMap<ScoringSettings, WeakMap<Scorecard, AutoScorer>>();

/**
 * Auto-scores a call. The compiled scorer is kept per (settings, scorecard) object pair, so calling
 * this repeatedly with the same objects compiles the phrases only once.
 */
export function autoScore(transcript: Transcript, facts: TalkFacts, scorecard: Scorecard, settings: ScoringSettings, agentName?: string): AutoScoreResult {
  let bySettings = scorers.get(settings);
  if (!bySettings) scorers.set(settings, (bySettings = new WeakMap()));
  let scorer = bySettings.get(scorecard);
  if (!scorer) bySettings.set(scorecard, (scorer = new AutoScorer(scorecard, settings)));
  return scorer.score(transcript, facts, agentName);
}
