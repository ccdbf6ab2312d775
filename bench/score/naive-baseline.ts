import type { ScoringSettings, Transcript } from '@callgrade/scoring';

/** Lower case, punctuation (Latin and CJK) dropped: what the naive check compares. */
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '');

/**
 * Every phrase the settings configure, in both languages, with `{company}` and `{agent}` filled in,
 * plus the company and agent names: the same phrases the auto-scorer looks for.
 */
export function naivePhrases(settings: ScoringSettings, agentName: string): string[] {
  const company = settings.companyNames[0]?.name ?? '';
  const fill = (template: string) => template.replace('{company}', company).replace('{agent}', agentName);
  return [
    ...settings.greetingTemplates.map(fill),
    ...settings.closingTemplates.map(fill),
    ...settings.offerHelpPhrases,
    ...settings.closingOfferHelpPhrases,
    ...settings.thanksPhrases,
    ...settings.forbiddenPhrases,
    ...settings.politePhrases,
    ...settings.requiredDisclosures.flatMap((d) => d.phrases),
    company,
    agentName,
  ]
    .map(plain)
    .filter(Boolean);
}

/**
 * The naive baseline: the agent's text in lower case without punctuation, and an exact `includes`
 * per phrase. No tolerance of recognition errors, no time windows, no evidence: what the
 * evidence-producing matcher is compared with. Returns how many phrases were found.
 */
export function naiveScore(transcript: Transcript, phrases: readonly string[]): number {
  const text = plain(
    transcript
      .filter((s) => s.speaker === 'agent')
      .map((s) => s.text)
      .join(' '),
  );
  let hits = 0;
  for (const phrase of phrases) if (text.includes(phrase)) hits += 1;
  return hits;
}
