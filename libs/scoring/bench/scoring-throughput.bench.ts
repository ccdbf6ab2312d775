/**
 * Informal throughput of auto-scoring: synthetic five-minute calls (~750 words) scored with the
 * default scorecard, against a naive baseline that lowercases the agent text and runs `includes`
 * for every configured phrase.
 *
 *   npx ts-node -T -P tsconfig.json libs/scoring/bench/scoring-throughput.bench.ts
 */
import { AutoScorer, defaultScorecard, defaultScoringSettings, ScoringSettings, Transcript } from '../src';
import { aFiveMinuteCall, someTalkFacts } from '../test/transcript.builders';

const CALLS = 2000;
const ROUNDS = 5;

function naivePhrases(settings: ScoringSettings, agentName: string): string[] {
  const fill = (t: string): string => t.replace('{company}', 'northwind').replace('{agent}', agentName.toLowerCase());
  return [
    ...settings.greetingTemplates.map(fill),
    ...settings.closingTemplates.map(fill),
    ...settings.offerHelpPhrases,
    ...settings.closingOfferHelpPhrases,
    ...settings.thanksPhrases,
    ...settings.forbiddenPhrases,
    ...settings.politePhrases,
    ...settings.requiredDisclosures.flatMap((d) => d.phrases),
    'northwind',
    agentName,
  ].map((p) => p.toLowerCase());
}

function naiveScore(transcript: Transcript, phrases: string[]): number {
  const text = transcript
    .filter((s) => s.speaker === 'agent')
    .map((s) => s.text)
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '');
  let hits = 0;
  for (const p of phrases) if (text.includes(p)) hits++;
  return hits;
}

/** Calls per CPU-second of this process (best round), so other load on the machine matters less. */
function perSecond(run: () => void, count: number): number {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.max(best, count / ((used.user + used.system) / 1e6));
  }
  return best;
}

const settings = { ...defaultScoringSettings(), companyNames: [{ name: 'Northwind', spokenVariants: ['North Wind'] }] };
const scorer = new AutoScorer(defaultScorecard(), settings);
const calls = Array.from({ length: CALLS }, (_, i) => aFiveMinuteCall(i + 1));
const facts = someTalkFacts({ durationMs: 300_000 });
const words = calls.reduce((sum, c) => sum + c.reduce((n, s) => n + (s.words?.length ?? 0), 0), 0) / CALLS;

scorer.score(calls[0], facts, 'Anna');
const phrases = naivePhrases(settings, 'Anna');
let sink = 0;
const scored = perSecond(() => {
  for (const call of calls) sink += scorer.score(call, facts, 'Anna').criteria.length;
}, CALLS);
const naive = perSecond(() => {
  for (const call of calls) sink += naiveScore(call, phrases);
}, CALLS);

const sample = scorer.score(calls[0], facts, 'Anna');
console.log(`words per call: ${words.toFixed(0)}, auto criteria: ${sample.criteria.length}, total: ${sample.score.rawPercent?.toFixed(1)}%`);
console.log(`auto-score: ${scored.toFixed(0)} calls per CPU-second (${(1000 / scored).toFixed(3)} ms/call)`);
console.log(`naive includes: ${naive.toFixed(0)} calls per CPU-second; auto-score is ${(naive / scored).toFixed(1)}x slower`);
if (sink < 0) console.log(sink);
