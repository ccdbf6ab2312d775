export * from './transcript.types';
export * from './scoring-error';

export { PhraseMatcher } from './matching/phrase-matcher';
export type { CompileOptions, MatchScope, MatchedWord, PhraseMatch, PhraseMatcherOptions, TimeWindow, WindowAnchor } from './matching/phrase-matcher';
export type { CompiledPhrase } from './matching/compiled-phrase';
export type { IndexedTranscript } from './matching/transcript-index';
export { normaliseText } from './matching/normalise-text';
export { phoneticKey } from './matching/phonetic-key';
export type { Pronounce } from './matching/phones';

export { redactTranscript, DEFAULT_SECURITY_CODE_PROMPTS } from './redaction/redaction';
export type { RedactionKind, RedactionOptions, RedactionPattern, RedactionResult, RedactionSpan } from './redaction/redaction';
export { findCardNumbers } from './redaction/card-numbers';
export type { CardNumberFinding, FindCardNumbersOptions } from './redaction/card-numbers';
export { passesLuhn } from './redaction/luhn';

export type { AnswerType, Answers, Criterion, CriterionAnswer, CriterionMode, CriticalFailurePolicy, Scorecard, ScorecardSection } from './scorecard/scorecard';
export { validateScorecard, validateAnswers } from './scorecard/validate-scorecard';
export { evaluateScore, roundPercent } from './scorecard/evaluate-score';
export { ANSWER_SHAPE, parseCriterionAnswer } from './scorecard/parse-answer';
export type { CriterionScore, CriterionStatus, ScoreBreakdown, SectionScore } from './scorecard/evaluate-score';
export { defaultScorecard } from './scorecard/default-scorecard';

export * from './auto-checks/auto-check.types';
export { defaultScoringSettings, settingsToConfigure } from './auto-checks/scoring-settings';
export type { CompanyName, RequiredDisclosure, ScoringLanguage, ScoringSettings, SettingToConfigure } from './auto-checks/scoring-settings';
export { AutoScorer, autoScore } from './auto-checks/auto-score';
export { companyShortForm } from './auto-checks/scoring-profile';
export type { ScoringProfileOptions } from './auto-checks/scoring-profile';
export type { AutoCriterionResult, AutoScoreResult } from './auto-checks/auto-score';
export { findInterruptions } from './auto-checks/interruptions';
export type { Interruption, InterruptionOptions } from './auto-checks/interruptions';
