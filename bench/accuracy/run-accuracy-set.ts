import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoScorer, defaultScorecard, defaultScoringSettings, redactTranscript, ScoringSettings, TalkFacts, Transcript } from '@callgrade/scoring';
import { DEFAULT_PRONOUNCING_DICTIONARY, loadWordPronouncer, PocketsphinxTranscriber, transcribeRecording, Transcriber } from '@callgrade/transcription';
import { AccuracyCall, AUTO_CRITERIA, AutoCriterionId, Outcome } from './accuracy-calls';
import { AUDIO_CACHE_DIR, CallAudio, callAudio, PlacedTurn, telephoneBand } from './call-audio';

export type Band = '16k' | '8k';

/** One auto criterion of one call at one sample rate: the truth from the script and what the pipeline said. */
export interface Judgement {
  callId: string;
  band: Band;
  heldOut: boolean;
  criterionId: AutoCriterionId;
  truth: Outcome;
  predicted: Outcome;
  explanation: string;
}

/** A card number read out: redacted when no word the recogniser placed inside the reading is left readable. */
export interface CardReading {
  callId: string;
  band: Band;
  heldOut: boolean;
  redacted: boolean;
  leftReadable: string[];
}

export interface CallRun {
  call: AccuracyCall;
  band: Band;
  audio: CallAudio;
  judgements: Judgement[];
  cards: CardReading[];
  /** Redacted stretches outside any card reading, and the ordinary speech they were found in. */
  falseRedactions: number;
  speechMs: number;
  /** What the agent channel was heard as, for the report's list of misses. */
  agentHeard: string;
}

/** The settings of a first day: the company name as typed, nothing else changed. */
export function dayOneSettings(call: AccuracyCall): ScoringSettings {
  return { ...defaultScoringSettings(), companyNames: [{ name: call.company.name, spokenVariants: [] }] };
}

/** What the worker gives the recogniser: the company names of the settings and the agent's name. */
export function recogniserVocabulary(settings: ScoringSettings, agentName: string): string[] {
  const words = [...settings.companyNames.flatMap((c) => [c.name, ...c.spokenVariants]), ...agentName.split(/\s+/)];
  return [...new Set(words.filter(Boolean))];
}

interface CachedTranscript {
  segments: Transcript;
  facts: TalkFacts;
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Recognition is the slow part: its result is kept by audio content, recogniser and vocabulary. */
async function transcribeCached(
  audio: CallAudio,
  transcriber: Transcriber,
  recogniserKey: string,
  vocabulary: string[],
  cachedOnly: boolean,
): Promise<CachedTranscript | undefined> {
  const dir = join(AUDIO_CACHE_DIR, 'transcripts');
  mkdirSync(dir, { recursive: true });
  const key = createHash('sha256')
    .update(JSON.stringify([fileHash(audio.path), recogniserKey, vocabulary]))
    .digest('hex')
    .slice(0, 24);
  const path = join(dir, `${key}.json`);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as CachedTranscript;
  if (cachedOnly) return undefined;
  const result = await transcribeRecording({ audioPath: audio.path, channels: 2, channelLayout: 'agent-left', transcriber, vocabulary });
  const facts: TalkFacts = result.facts;
  const transcript: CachedTranscript = { segments: result.segments, facts };
  writeFileSync(path, JSON.stringify(transcript));
  return transcript;
}

const REDACTED = /^\[redacted/i;
/** Recogniser word times are a little off at the edges of a reading. */
const EDGE_MS = 150;

function inside(word: { startMs: number; endMs: number }, turn: PlacedTurn): boolean {
  const middle = (word.startMs + word.endMs) / 2;
  return middle > turn.startMs + EDGE_MS && middle < turn.endMs - EDGE_MS;
}

function wordsOf(segments: Transcript, speaker: string) {
  return segments
    .filter((s) => s.speaker === speaker)
    .flatMap((s) => s.words ?? [{ text: s.text, startMs: s.startMs, endMs: s.endMs, confidence: s.confidence }]);
}

export interface RunOptions {
  /** Identifies the recogniser's configuration in the transcript cache. */
  recogniserKey?: string;
  transcriber?: Transcriber;
  onCall?: (run: CallRun) => void;
  /** Calls recognised at once (each runs one recogniser process at a time). */
  concurrency?: number;
  /** Score only the calls already recognised (a re-score after a change to scoring alone). */
  cachedOnly?: boolean;
}

/** Synthesises (cached), recognises (cached) and scores every call at 16 kHz and at 8 kHz, `concurrency` at a time. */
export async function runAccuracySet(calls: readonly AccuracyCall[], bands: readonly Band[], options: RunOptions = {}): Promise<CallRun[]> {
  const transcriber = options.transcriber ?? new PocketsphinxTranscriber();
  const recogniserKey = options.recogniserKey ?? 'pocketsphinx-default';
  const scorecard = defaultScorecard();
  // As the worker scores: with the recogniser's pronunciations, so names are matched by sound too.
  const pronounce = await loadWordPronouncer(DEFAULT_PRONOUNCING_DICTIONARY);
  // Band by band: the 16 kHz figures are complete first.
  const tasks = bands.flatMap((band) => calls.map((call) => ({ call, band })));
  const runs: (CallRun | undefined)[] = tasks.map(() => undefined);
  let next = 0;
  const worker = async () => {
    for (let t = next++; t < tasks.length; t = next++) {
      const run = await runOne(tasks[t].call, tasks[t].band);
      runs[t] = run;
      if (run) options.onCall?.(run);
    }
  };
  const runOne = async (call: AccuracyCall, band: Band): Promise<CallRun | undefined> => {
    const wide = await callAudio(call);
    const settings = dayOneSettings(call);
    const scorer = new AutoScorer(scorecard, settings, { pronounce });
    const audio = band === '16k' ? wide : await telephoneBand(wide);
    const vocabulary = recogniserVocabulary(settings, call.agentName);
    const recognised = await transcribeCached(audio, transcriber, recogniserKey, vocabulary, options.cachedOnly === true);
    if (!recognised) return undefined;
    const { segments, facts } = recognised;
    const result = scorer.score(segments, facts, call.agentName);
    const judgements = AUTO_CRITERIA.map((criterionId): Judgement => {
      const c = result.criteria.find((r) => r.criterionId === criterionId);
      if (!c) throw new Error(`criterion ${criterionId} was not scored for ${call.id}`);
      return {
        callId: call.id,
        band,
        heldOut: call.heldOut,
        criterionId,
        truth: call.truth[criterionId],
        predicted: c.result.result,
        explanation: c.result.explanation,
      };
    });

    const redaction = redactTranscript(segments);
    const cardTurns = audio.turns.filter((t) => t.card);
    const cards = cardTurns.map((turn): CardReading => {
      const left = wordsOf(redaction.segments, turn.speaker).filter((w) => inside(w, turn) && !REDACTED.test(w.text.trim()));
      return { callId: call.id, band, heldOut: call.heldOut, redacted: left.length === 0, leftReadable: left.map((w) => w.text) };
    });
    const overlapsCard = (s: { startMs: number; endMs: number }) => cardTurns.some((t) => s.startMs < t.endMs + EDGE_MS && s.endMs > t.startMs - EDGE_MS);
    const falseRedactions = redaction.spans.filter((s) => !overlapsCard(s)).length;
    const speechMs = audio.turns.filter((t) => !t.card).reduce((sum, t) => sum + (t.endMs - t.startMs), 0);
    const agentHeard = segments
      .filter((s) => s.speaker === 'agent')
      .map((s) => s.text)
      .join(' | ');
    return { call, band, audio, judgements, cards, falseRedactions, speechMs, agentHeard };
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return runs.filter((r): r is CallRun => r !== undefined);
}
