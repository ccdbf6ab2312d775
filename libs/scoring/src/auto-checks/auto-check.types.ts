import { Evidence } from '../transcript.types';

/** What an auto criterion looks for in the call; thresholds left out come from the scoring settings. */
export type AutoCheck =
  | { kind: 'greeting_company' }
  | { kind: 'greeting_agent_name' }
  | { kind: 'greeting_offer_help' }
  | { kind: 'greeting_script' }
  | { kind: 'polite_forms'; minPhrases?: number }
  | { kind: 'no_forbidden_phrases' }
  | { kind: 'no_interrupting'; maxInterruptions?: number }
  | { kind: 'no_long_silence'; maxSilenceMs?: number }
  | { kind: 'closing_offer_help' }
  | { kind: 'closing_thanks' }
  | { kind: 'required_disclosure'; disclosureIds?: string[] }
  | { kind: 'no_card_data_read_back' };

export type AutoCheckKind = AutoCheck['kind'];

export const AUTO_CHECK_KINDS: readonly AutoCheckKind[] = [
  'greeting_company',
  'greeting_agent_name',
  'greeting_offer_help',
  'greeting_script',
  'polite_forms',
  'no_forbidden_phrases',
  'no_interrupting',
  'no_long_silence',
  'closing_offer_help',
  'closing_thanks',
  'required_disclosure',
  'no_card_data_read_back',
];

export type CheckOutcome = 'pass' | 'fail' | 'na';

export interface CheckResult {
  result: CheckOutcome;
  /** How sure the check is of its result, 0..1. */
  confidence: number;
  evidence: Evidence[];
  explanation: string;
  /**
   * The scoring setting that must be filled in before this check can answer ("companyNames"); the
   * result is then N/A and the explanation says so in English and Chinese.
   */
  notConfigured?: string;
}
