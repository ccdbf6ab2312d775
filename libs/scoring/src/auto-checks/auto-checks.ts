import { CompiledPhrase } from '../matching/compiled-phrase';
import { MatchScope, PhraseMatch } from '../matching/phrase-matcher';
import { Script } from '../matching/script';
import { IndexedTranscript, SPEAKER_BIT } from '../matching/transcript-index';
import { findCardNumbers } from '../redaction/card-numbers';
import { Evidence, Speaker, TalkFacts, Transcript } from '../transcript.types';
import { AutoCheck, CheckResult } from './auto-check.types';
import { findInterruptions } from './interruptions';
import { ScoringProfile } from './scoring-profile';

/** Everything a check may look at; built once per call and shared by all checks. */
export interface CheckContext {
  transcript: Transcript;
  index: IndexedTranscript;
  facts: TalkFacts;
  profile: ScoringProfile;
  script: Script;
  agentName?: string;
}

/** Confidence of a pass that rests on not finding something the recogniser could have missed. */
const ABSENCE_CONFIDENCE = 0.9;

export function formatTime(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function na(explanation: string): CheckResult {
  return { result: 'na', confidence: 1, evidence: [], explanation };
}

/** A check that cannot answer until a setting is filled in: said plainly, in both languages, never a fail. */
function notConfigured(setting: string, what: string, whatZh: string): CheckResult {
  return {
    result: 'na',
    confidence: 1,
    evidence: [],
    explanation: `Not configured: ${what} (scoring settings, ${setting}). 未配置：${whatZh}（评分设置 ${setting}）。`,
    notConfigured: setting,
  };
}

/** Agent speech; a call that was never split by speaker is searched whole. */
function agentSpeakers(index: IndexedTranscript): Speaker[] {
  return index.tokensOf(SPEAKER_BIT.agent).length > 0 ? ['agent'] : ['agent', 'unknown'];
}

function quote(match: PhraseMatch): string {
  return match.evidence.map((e) => e.text).join(' … ');
}

/** The words taken for a phrase word they are not: what was heard, for what, and on what grounds. */
function whyMatched(match: PhraseMatch): string {
  const reasons = match.matchedWords
    .filter((w) => w.heard !== null && w.how !== 'same')
    .map((w) => `"${w.heard}" ${w.how === 'sound' || w.how === 'split' ? 'sounds like' : 'is spelt like'} "${w.expected}" ${w.similarity.toFixed(2)}`);
  return reasons.length > 0 ? `; ${reasons.join(', ')}` : '';
}

function startOf(match: PhraseMatch): number {
  return match.evidence[0]?.startMs ?? 0;
}

function endOf(match: PhraseMatch): number {
  return match.evidence[match.evidence.length - 1]?.endMs ?? 0;
}

/** Pass when the phrase is heard in scope; a near miss fails with low confidence so a person looks. */
function expectPhrase(ctx: CheckContext, phrase: CompiledPhrase, scope: MatchScope, what: string, where: string): CheckResult {
  const match = ctx.profile.matcher.findBest(phrase, ctx.index, scope);
  if (match.matched) {
    return {
      result: 'pass',
      confidence: match.score,
      evidence: match.evidence,
      explanation: `${what} heard ${where} at ${formatTime(startOf(match))}: "${quote(match)}" (match ${match.score.toFixed(2)}${whyMatched(match)}).`,
    };
  }
  const closest = match.score > 0 ? ` Closest: "${quote(match)}" (match ${match.score.toFixed(2)}, needs ${phrase.threshold}).` : '';
  return { result: 'fail', confidence: 1 - match.score, evidence: match.evidence, explanation: `${what} not heard ${where}.${closest}` };
}

/** Where the agent's speech starts and ends, and where its opening and its close may lie. */
interface AgentSpan {
  startMs: number;
  endMs: number;
  /** The close never reaches back into the opening turn, nor the opening into the closing turn. */
  openingEndMs: number;
  closingStartMs: number;
}

/**
 * The opening may not reach into the agent's last turn and the close may not reach back into the
 * first, so on a short call "Thank you for calling…" at 0:00 is not also taken as the thanks at the
 * close. When the agent speaks in one turn only, the close is looked for in its second half.
 */
export function agentSpan(transcript: Transcript, speakers: readonly Speaker[]): AgentSpan | undefined {
  const turns = transcript.filter((s) => speakers.includes(s.speaker) && s.text.trim().length > 0).sort((a, b) => a.startMs - b.startMs);
  if (turns.length === 0) return undefined;
  const startMs = turns[0].startMs;
  const endMs = Math.max(...turns.map((t) => t.endMs));
  if (turns.length === 1) return { startMs, endMs, openingEndMs: endMs, closingStartMs: Math.round((startMs + endMs) / 2) };
  return { startMs, endMs, openingEndMs: turns[turns.length - 1].startMs - 1, closingStartMs: turns[0].endMs + 1 };
}

function greetingScope(ctx: CheckContext, toMs: number): MatchScope {
  const speakers = agentSpeakers(ctx.index);
  const span = agentSpan(ctx.transcript, speakers);
  if (!span) return { speakers, window: { anchor: 'speaker_start', fromMs: 0, toMs } };
  return { speakers, window: { anchor: 'call_start', fromMs: span.startMs, toMs: Math.min(span.startMs + toMs, span.openingEndMs) } };
}

function closingScope(ctx: CheckContext): MatchScope {
  const speakers = agentSpeakers(ctx.index);
  const span = agentSpan(ctx.transcript, speakers);
  const closingWindowMs = ctx.profile.settings.closingWindowMs;
  if (!span) return { speakers, window: { anchor: 'speaker_end', fromMs: -closingWindowMs } };
  return { speakers, window: { anchor: 'call_start', fromMs: Math.max(span.endMs - closingWindowMs, span.closingStartMs) } };
}

function hasAgentSpeech(ctx: CheckContext): boolean {
  const speakers = agentSpeakers(ctx.index);
  return speakers.some((s) => ctx.index.tokensOf(SPEAKER_BIT[s]).length > 0);
}

/** Evaluates one auto check against a call. */
export function evaluateCheck(check: AutoCheck, ctx: CheckContext): CheckResult {
  const settings = ctx.profile.settings;
  const phrases = ctx.profile.phrases(ctx.script);
  const agent = ctx.profile.agentPhrases(ctx.script, ctx.agentName);
  const greetingWindow = `in the first ${settings.greetingWindowMs / 1000} s of the agent's speech`;
  const needsAgentSpeech = !['no_interrupting', 'no_long_silence'].includes(check.kind);
  if (needsAgentSpeech && !hasAgentSpeech(ctx)) return na('The agent says nothing in the transcript.');

  switch (check.kind) {
    case 'greeting_company':
      if (!phrases.companyNames)
        return notConfigured(
          'companyNames',
          'no company name is set, so the greeting cannot be checked for it',
          '尚未设置公司名称，无法检查问候语中的公司名称',
        );
      return expectPhrase(ctx, phrases.companyNames, greetingScope(ctx, settings.greetingWindowMs), 'Company name', greetingWindow);
    case 'greeting_agent_name':
      if (!agent.agentName) return na("The agent's name is not known.");
      return expectPhrase(ctx, agent.agentName, greetingScope(ctx, settings.greetingWindowMs), "Agent's name", greetingWindow);
    case 'greeting_offer_help':
      if (!phrases.offerHelp) return notConfigured('offerHelpPhrases', 'no offer-of-help phrases are set', '尚未设置提供帮助的用语');
      return expectPhrase(
        ctx,
        phrases.offerHelp,
        greetingScope(ctx, settings.offerHelpWindowMs),
        'Offer of help',
        `in the first ${settings.offerHelpWindowMs / 1000} s of the agent's speech`,
      );
    case 'greeting_script':
      if (!agent.greetingScript) return notConfigured('greetingTemplates', 'no greeting script is set', '尚未设置问候脚本');
      return expectPhrase(ctx, agent.greetingScript, greetingScope(ctx, settings.greetingWindowMs), 'Greeting script', greetingWindow);
    case 'closing_offer_help':
      if (!phrases.closingOfferHelp)
        return notConfigured('closingOfferHelpPhrases', 'no closing offer-of-help phrases are set', '尚未设置结束时提供帮助的用语');
      return expectPhrase(ctx, phrases.closingOfferHelp, closingScope(ctx), 'Offer of further help', closingWhere(settings.closingWindowMs));
    case 'closing_thanks':
      if (!agent.closingThanks) return notConfigured('closingTemplates', 'no closing phrases are set', '尚未设置结束语');
      return expectPhrase(ctx, agent.closingThanks, closingScope(ctx), 'Thanks at the close', closingWhere(settings.closingWindowMs));
    case 'polite_forms':
      return politeForms(ctx, check.minPhrases ?? 2);
    case 'no_forbidden_phrases':
      return noForbiddenPhrases(ctx);
    case 'required_disclosure':
      return requiredDisclosure(ctx, check.disclosureIds);
    case 'no_interrupting':
      return noInterrupting(ctx, check.maxInterruptions ?? settings.maxInterruptions);
    case 'no_long_silence':
      return noLongSilence(ctx, check.maxSilenceMs ?? settings.maxSilenceMs);
    case 'no_card_data_read_back':
      return noCardDataReadBack(ctx);
  }
}

function closingWhere(closingWindowMs: number): string {
  return `in the last ${closingWindowMs / 1000} s of the agent's speech`;
}

function politeForms(ctx: CheckContext, minPhrases: number): CheckResult {
  const polite = ctx.profile.phrases(ctx.script).polite;
  if (polite.length === 0) return notConfigured('politePhrases', 'no polite phrases are set', '尚未设置礼貌用语');
  const scope = { speakers: agentSpeakers(ctx.index) };
  const heard: PhraseMatch[] = [];
  // Words count for one polite phrase only: "thank you" is not also "thanks".
  const overlapsHeard = (m: PhraseMatch) => heard.some((h) => startOf(m) < endOf(h) && endOf(m) > startOf(h));
  for (const phrase of polite) {
    const match = ctx.profile.matcher.findAll(phrase, ctx.index, scope).find((m) => !overlapsHeard(m));
    if (match) heard.push(match);
  }
  heard.sort((a, b) => startOf(a) - startOf(b));
  const needed = Math.min(minPhrases, polite.length);
  const listed = heard.map((m) => `"${m.phrase}" at ${formatTime(startOf(m))}`).join(', ');
  if (heard.length >= needed) {
    const confidence = heard.reduce((sum, m) => sum + m.score, 0) / heard.length;
    return { result: 'pass', confidence, evidence: heard.flatMap((m) => m.evidence), explanation: `Polite phrases heard: ${listed}.` };
  }
  return {
    result: 'fail',
    confidence: ABSENCE_CONFIDENCE,
    evidence: heard.flatMap((m) => m.evidence),
    explanation: `${heard.length} of the ${needed} polite phrases required were heard${listed ? `: ${listed}` : ''}.`,
  };
}

function noForbiddenPhrases(ctx: CheckContext): CheckResult {
  const forbidden = ctx.profile.phrases(ctx.script).forbidden;
  if (forbidden.length === 0) return na('No forbidden phrases are configured.');
  const scope = { speakers: agentSpeakers(ctx.index) };
  const hits = forbidden.flatMap((phrase) => ctx.profile.matcher.findAll(phrase, ctx.index, scope));
  if (hits.length === 0) {
    return { result: 'pass', confidence: ABSENCE_CONFIDENCE, evidence: [], explanation: 'No forbidden phrase heard from the agent.' };
  }
  hits.sort((a, b) => startOf(a) - startOf(b));
  return {
    result: 'fail',
    confidence: Math.max(...hits.map((h) => h.score)),
    evidence: hits.flatMap((h) => h.evidence),
    explanation: `Forbidden phrase${hits.length > 1 ? 's' : ''} heard: ${hits
      .map((h) => `"${h.phrase}" at ${formatTime(startOf(h))} ("${quote(h)}")`)
      .join(', ')}.`,
  };
}

function requiredDisclosure(ctx: CheckContext, ids: string[] | undefined): CheckResult {
  const disclosures = ctx.profile.phrases(ctx.script).disclosures.filter((d) => !ids || ids.includes(d.id));
  if (disclosures.length === 0) return notConfigured('requiredDisclosures', 'no required disclosures are set', '尚未设置必须告知的声明');
  // Disclosures are often played by the IVR before diarisation can tell who speaks.
  const speakers: Speaker[] = ['agent', 'unknown'];
  const said: string[] = [];
  const missing: string[] = [];
  const evidence: Evidence[] = [];
  let confidence = 1;
  for (const d of disclosures) {
    const window = d.withinMs === undefined ? undefined : { anchor: 'call_start' as const, fromMs: 0, toMs: d.withinMs };
    const match = ctx.profile.matcher.findBest(d.phrase, ctx.index, { speakers, window });
    if (match.matched) {
      said.push(`${d.id} at ${formatTime(startOf(match))}`);
      evidence.push(...match.evidence);
      confidence = Math.min(confidence, match.score);
    } else {
      missing.push(d.withinMs === undefined ? d.id : `${d.id} (within ${d.withinMs / 1000} s)`);
      confidence = Math.min(confidence, 1 - match.score);
    }
  }
  if (missing.length === 0) return { result: 'pass', confidence, evidence, explanation: `Disclosures given: ${said.join(', ')}.` };
  return { result: 'fail', confidence, evidence, explanation: `Disclosures missing: ${missing.join(', ')}.` };
}

function noInterrupting(ctx: CheckContext, maxInterruptions: number): CheckResult {
  if (!ctx.transcript.some((s) => s.speaker === 'customer')) return na('No customer speech to interrupt.');
  const interruptions = findInterruptions(ctx.transcript);
  const evidence: Evidence[] = interruptions.map(({ agent }) => ({
    speaker: 'agent',
    startMs: agent.startMs,
    endMs: agent.endMs,
    text: agent.text,
  }));
  const overlap = `${(ctx.facts.overlapMs / 1000).toFixed(1)} s of overlapping speech in total`;
  const times = interruptions.map(({ agent }) => formatTime(agent.startMs)).join(', ');
  if (interruptions.length <= maxInterruptions) {
    return {
      result: 'pass',
      confidence: 0.8,
      evidence,
      explanation: `${interruptions.length} interruption${interruptions.length === 1 ? '' : 's'} of the customer (at most ${maxInterruptions} allowed${times ? `: ${times}` : ''}); ${overlap}.`,
    };
  }
  return {
    result: 'fail',
    confidence: 0.8,
    evidence,
    explanation: `The agent started speaking over the customer ${interruptions.length} times (at ${times}; at most ${maxInterruptions} allowed); ${overlap}.`,
  };
}

function noLongSilence(ctx: CheckContext, maxSilenceMs: number): CheckResult {
  const { longestSilenceMs, longestSilenceStartMs, durationMs } = ctx.facts;
  if (durationMs <= 0) return na('The call has no duration.');
  const seconds = (longestSilenceMs / 1000).toFixed(1);
  if (longestSilenceMs <= maxSilenceMs) {
    return { result: 'pass', confidence: 0.95, evidence: [], explanation: `Longest silence ${seconds} s (at most ${maxSilenceMs / 1000} s allowed).` };
  }
  return {
    result: 'fail',
    confidence: 0.95,
    evidence: [{ speaker: 'unknown', startMs: longestSilenceStartMs, endMs: longestSilenceStartMs + longestSilenceMs, text: `[silence ${seconds} s]` }],
    explanation: `Silence of ${seconds} s at ${formatTime(longestSilenceStartMs)} (at most ${maxSilenceMs / 1000} s allowed).`,
  };
}

const REDACTED_CARD = /\[redacted card\]/i;
/** 13 digits take at least this many words: "triple one", "double two", teens... */
const MIN_CARD_DIGIT_WORDS = 5;

function noCardDataReadBack(ctx: CheckContext): CheckResult {
  const speakers = agentSpeakers(ctx.index);
  const mask = speakers.reduce((m, s) => m | SPEAKER_BIT[s], 0);
  const mayHaveCard = ctx.index.hasDigitRun(mask, MIN_CARD_DIGIT_WORDS);
  const cards = mayHaveCard ? findCardNumbers(ctx.transcript, { speakers }) : [];
  const evidence: Evidence[] = cards.map((f) => ({
    speaker: f.speaker,
    startMs: f.startMs,
    endMs: f.endMs,
    text: f.passesLuhn ? `[card number ending ${f.lastFour}]` : `[likely card number ending ${f.lastFour}]`,
  }));
  // A transcript redacted before scoring still shows where the agent said a card number.
  for (const s of ctx.transcript) {
    if (speakers.includes(s.speaker) && REDACTED_CARD.test(s.text)) {
      evidence.push({ speaker: s.speaker, startMs: s.startMs, endMs: s.endMs, text: s.text });
    }
  }
  if (evidence.length === 0) {
    return { result: 'pass', confidence: ABSENCE_CONFIDENCE, evidence, explanation: 'The agent did not say a card number.' };
  }
  evidence.sort((a, b) => a.startMs - b.startMs);
  return {
    result: 'fail',
    confidence: 0.95,
    evidence,
    explanation: `The agent said a card number aloud at ${evidence.map((e) => formatTime(e.startMs)).join(', ')}.`,
  };
}
