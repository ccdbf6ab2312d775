import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { defineBenchmark } from '../support/benchmark';
import { log, Progress } from '../support/progress';
import { buildAccuracySet } from './accuracy-calls';
import { bandFigures, percent, renderAccuracyReport, renderMisses } from './accuracy-report';
import { AUDIO_CACHE_DIR, availableVoices } from './call-audio';
import { Band, runAccuracySet } from './run-accuracy-set';

type AccuracyOptions = {
  calls: number;
  concurrency: number;
  misses: boolean;
  cachedOnly: boolean;
};

/** The targets, per criterion; card numbers must all be redacted. */
const TARGETS: Record<Band, number> = { '16k': 0.95, '8k': 0.85 };
const BANDS: readonly Band[] = ['16k', '8k'];

export const accuracyBench = defineBenchmark<AccuracyOptions>({
  name: 'accuracy',
  summary: 'auto-scoring agreement with the truth of scripted calls (every flite and espeak-ng English voice, 16 kHz and 8 kHz), card redaction recall',
  options: {
    calls: { default: 60, description: 'calls in the set (audio and transcripts are cached by content)' },
    concurrency: { default: 2, description: 'calls recognised at once' },
    cachedOnly: { default: false, description: 'score only the calls already recognised (after a change to scoring alone); the report says how many' },
    misses: { default: false, description: 'also print the disagreements of the tuning part (never the held-out part) with what the agent was heard saying' },
  },

  async run({ options, outDir }) {
    const voices = await availableVoices();
    const calls = buildAccuracySet({ calls: options.calls, voices });
    log(`${calls.length} calls, ${voices.length} voices (${voices.join(', ')}), audio cache ${AUDIO_CACHE_DIR}`);
    const progress = new Progress('synthesising, recognising and scoring', calls.length * BANDS.length);
    const started = performance.now();
    const runs = await runAccuracySet(calls, BANDS, { concurrency: options.concurrency, cachedOnly: options.cachedOnly, onCall: () => progress.tick() });
    const seconds = (performance.now() - started) / 1000;

    const figures = BANDS.flatMap((band) => (['all', 'held-out'] as const).map((part) => bandFigures(runs, band, part)));
    const targets = figures.map((f) => ({
      what: `${f.band} ${f.part}: lowest per-criterion agreement ≥ ${percent(TARGETS[f.band])}, card recall 100%`,
      met: f.lowest >= TARGETS[f.band] && (f.cardRecall ?? 1) === 1,
    }));
    const report = [
      `Accuracy set: ${calls.length} calls (${calls.filter((c) => c.heldOut).length} held out), ${voices.length} voices, ${BANDS.length} sample rates; ` +
        `${seconds.toFixed(0)} s on ${cpus().length} cores (synthesis and recognition cached by content)`,
      ...BANDS.map((band) => `${band}: ${runs.filter((r) => r.band === band).length} of ${calls.length} calls recognised and scored`),
      '',
      renderAccuracyReport(runs, BANDS),
      '',
      ...targets.map((t) => `${t.met ? 'met    ' : 'MISSED '} ${t.what}`),
      ...(options.misses ? ['', 'Disagreements in the tuning part:', renderMisses(runs.filter((r) => !r.call.heldOut))] : []),
    ].join('\n');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outFile = join(outDir, `accuracy-${stamp}.json`);
    writeFileSync(
      outFile,
      `${JSON.stringify({ benchmark: 'accuracy', voices, figures, judgements: runs.flatMap((r) => r.judgements), cards: runs.flatMap((r) => r.cards) }, null, 2)}\n`,
    );
    return { report, outFile, targetsMet: targets.every((t) => t.met) };
  },
});
