import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { AutoScorer, AutoScoreResult, defaultScorecard, defaultScoringSettings, ScoringSettings, TalkFacts, Transcript } from '@callgrade/scoring';
import { aFiveMinuteCall, someTalkFacts } from '../../libs/scoring/test/transcript.builders';
import { defineBenchmark, optionFlag } from '../support/benchmark';
import { log, Progress } from '../support/progress';
import { aFiveMinuteMandarinCall } from './mandarin-call';
import { naivePhrases, naiveScore } from './naive-baseline';
import { checkTargets, LanguageResult, renderScoreReport, Round, summarise } from './score-report';

type ScoreOptions = {
  transcripts: number;
  rounds: number;
  warmupTranscripts: number;
};

/** A language's workload: its company, agent, calls, and how a call's size is counted. */
interface Workload {
  language: LanguageResult['language'];
  settings: ScoringSettings;
  agentName: string;
  build: (seed: number) => Transcript;
  size: (transcript: Transcript) => number;
  sizeUnit: string;
}

const WORKLOADS: readonly Workload[] = [
  {
    language: 'English',
    settings: { ...defaultScoringSettings(), companyNames: [{ name: 'Northwind', spokenVariants: ['North Wind'] }] },
    agentName: 'Anna',
    build: (seed) => aFiveMinuteCall(seed, 'Anna'),
    size: (t) => t.reduce((n, s) => n + (s.words?.length ?? 0), 0),
    sizeUnit: 'words',
  },
  {
    language: 'Mandarin',
    settings: { ...defaultScoringSettings(), companyNames: [{ name: '北风公司', spokenVariants: ['北风'] }] },
    agentName: '王小明',
    build: aFiveMinuteMandarinCall,
    size: (t) => t.reduce((n, s) => n + s.text.replace(/[，。？！\s]/g, '').length, 0),
    sizeUnit: 'characters',
  },
];

/** The scripted greeting and closing of every synthetic call: the scorer must find them, or it measures a broken path. */
const MUST_PASS = ['greeting_company', 'greeting_agent_name', 'greeting_offer_help', 'closing_offer_help', 'closing_thanks'];

function assertScoredRightly(workload: Workload, result: AutoScoreResult, seed: number): void {
  const language = workload.language === 'English' ? 'en' : 'zh';
  const missed = MUST_PASS.filter((id) => {
    const criterion = result.criteria.find((c) => c.criterionId === id);
    return criterion?.result.result !== 'pass' || criterion.result.evidence.length === 0;
  });
  if (result.language !== language || missed.length) {
    const explain = missed.map((id) => `${id}: ${result.criteria.find((c) => c.criterionId === id)?.result.explanation ?? 'not scored'}`);
    throw new Error(
      `${workload.language} call ${seed}: scored as ${result.language}; expected a pass with evidence for ${explain.join('; ') || 'every scripted criterion'}`,
    );
  }
}

function checkOptions(options: ScoreOptions): void {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < (name === 'warmupTranscripts' ? 0 : 1))
      throw new Error(`--${optionFlag(name)} must be a whole number of at least ${name === 'warmupTranscripts' ? 0 : 1}, not ${value}`);
  }
}

/** Wall and CPU time of this process for one pass. */
function timed(pass: () => void): Round {
  const cpuStarted = process.cpuUsage();
  const wallStarted = performance.now();
  pass();
  const cpu = process.cpuUsage(cpuStarted);
  return { wallMs: performance.now() - wallStarted, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const scoreBench = defineBenchmark<ScoreOptions>({
  name: 'score',
  summary: 'auto-scoring throughput: five-minute transcripts with the default scorecard vs naive includes checks',
  options: {
    transcripts: { default: 2000, description: 'different synthetic five-minute transcripts per language, scored in each round' },
    rounds: { default: 5, description: 'measured passes over them, alternating auto-score and the naive check' },
    warmupTranscripts: { default: 300, description: 'transcripts scored (and checked) before measuring, so the JIT has compiled the hot paths' },
  },

  async run({ options, outDir }) {
    checkOptions(options);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const startedAt = new Date().toISOString();
    const loadBefore = loadavg();
    const facts: TalkFacts = someTalkFacts({ durationMs: 300_000 });
    const scorecard = defaultScorecard();
    let sink = 0;

    const rows: LanguageResult[] = [];
    for (const workload of WORKLOADS) {
      log(`${workload.language}: building ${options.transcripts} transcripts`);
      const transcripts = Array.from({ length: options.transcripts }, (_, i) => workload.build(i + 1));
      const warmups = Array.from({ length: options.warmupTranscripts }, (_, i) => workload.build(1_000_000 + i));
      const scorer = new AutoScorer(scorecard, workload.settings);
      const phrases = naivePhrases(workload.settings, workload.agentName);

      // The warm-up also checks the answers: every synthetic call has the scripted greeting and closing.
      for (const [i, transcript] of [...warmups, ...transcripts.slice(0, 20)].entries()) {
        assertScoredRightly(workload, scorer.score(transcript, facts, workload.agentName), i);
        sink += naiveScore(transcript, phrases);
      }
      if (naiveScore(transcripts[0], phrases) === 0) throw new Error(`${workload.language}: the naive check found none of the phrases in a scripted call`);

      const progress = new Progress(`${workload.language}: measured rounds`, options.rounds);
      const scorerRounds: Round[] = [];
      const naiveRounds: Round[] = [];
      for (let round = 0; round < options.rounds; round += 1) {
        scorerRounds.push(
          timed(() => {
            for (const transcript of transcripts) sink += scorer.score(transcript, facts, workload.agentName).criteria.length;
          }),
        );
        naiveRounds.push(
          timed(() => {
            for (const transcript of transcripts) sink += naiveScore(transcript, phrases);
          }),
        );
        progress.tick();
      }
      const sizes = transcripts.map(workload.size);
      rows.push({
        language: workload.language,
        size: `~${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(0)} ${workload.sizeUnit}`,
        criteria: scorer.score(transcripts[0], facts, workload.agentName).criteria.length,
        scorer: summarise('auto-score', transcripts.length, scorerRounds),
        naive: summarise('naive includes', transcripts.length, naiveRounds),
      });
    }
    if (sink < 0) log(String(sink));

    const checks = checkTargets(rows);
    const cpu = cpus();
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    const machine = `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, load average (1/5/15 min) ${load(loadBefore)} at start / ${load(loadavg())} at end; Node ${process.version}`;
    const title = `Auto-scoring: synthetic five-minute calls (300 s of talk facts) with the default scorecard, in this process on one thread`;
    const notes = [
      'auto-score: AutoScorer(defaultScorecard(), defaultScoringSettings() + the company name).score(transcript, facts, agent): the evidence-producing phrase matcher (tolerant of recognition errors, time windows, evidence per criterion).',
      "naive includes: the agent's text lower-cased without punctuation, and String.includes for each configured phrase of both languages, company and agent name filled in; no tolerance, no windows, no evidence.",
      `English calls: aFiveMinuteCall() (libs/scoring/test/transcript.builders.ts), agent Anna of Northwind. Mandarin calls: aFiveMinuteMandarinCall() (bench/score/mandarin-call.ts), agent 王小明 (小王) of 北风公司, about 240 characters a minute.`,
      'per s = transcripts / seconds of the median round; CPU = process.cpuUsage() (this process, all threads, so GC helper threads count too). The target is judged on CPU time; wall time on a shared machine includes other work.',
      `Each round scores all ${options.transcripts} transcripts, then runs the naive check on them; ${options.warmupTranscripts} other transcripts were scored first (not counted), and their answers checked.`,
    ];
    const report = renderScoreReport(title, machine, rows, checks, notes);

    const outFile = join(outDir, `score-${stamp}.json`);
    writeFileSync(
      outFile,
      `${JSON.stringify({ benchmark: 'score', startedAt, finishedAt: new Date().toISOString(), machine, options, results: rows, targets: checks }, null, 2)}\n`,
    );
    return { report, outFile, targetsMet: checks.every((c) => c.met) };
  },
});
