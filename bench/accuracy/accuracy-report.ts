import { fixed, renderTable } from '../support/table';
import { AUTO_CRITERIA, AutoCriterionId } from './accuracy-calls';
import { Band, CallRun, CardReading, Judgement } from './run-accuracy-set';

/**
 * Per criterion: agreement with the truth (pass, fail and N/A alike), and precision and recall of
 * "fail" — the finding a supervisor acts on: of the calls the check failed, how many really broke
 * the rule; of the calls that broke it, how many the check failed.
 */
export interface CriterionFigures {
  criterionId: AutoCriterionId | 'all';
  calls: number;
  agreement: number;
  failPrecision: number | undefined;
  failRecall: number | undefined;
  truthFails: number;
}

export function criterionFigures(judgements: readonly Judgement[], criterionId: CriterionFigures['criterionId']): CriterionFigures {
  const mine = criterionId === 'all' ? judgements : judgements.filter((j) => j.criterionId === criterionId);
  const agreed = mine.filter((j) => j.truth === j.predicted).length;
  const predictedFail = mine.filter((j) => j.predicted === 'fail');
  const truthFail = mine.filter((j) => j.truth === 'fail');
  const bothFail = mine.filter((j) => j.truth === 'fail' && j.predicted === 'fail').length;
  return {
    criterionId,
    calls: mine.length,
    agreement: mine.length ? agreed / mine.length : NaN,
    failPrecision: predictedFail.length ? bothFail / predictedFail.length : undefined,
    failRecall: truthFail.length ? bothFail / truthFail.length : undefined,
    truthFails: truthFail.length,
  };
}

export const percent = (share: number | undefined) => (share === undefined || Number.isNaN(share) ? '-' : `${fixed(share * 100, 1)}%`);

export interface BandFigures {
  band: Band;
  part: 'all' | 'held-out';
  criteria: CriterionFigures[];
  overall: CriterionFigures;
  lowest: number;
  cardRecall: number | undefined;
  cardsRead: number;
  falseRedactionsPerHour: number;
}

export function bandFigures(runs: readonly CallRun[], band: Band, part: BandFigures['part']): BandFigures {
  const picked = runs.filter((r) => r.band === band && (part === 'all' || r.call.heldOut));
  const judgements = picked.flatMap((r) => r.judgements);
  const criteria = AUTO_CRITERIA.map((id) => criterionFigures(judgements, id));
  const cards: CardReading[] = picked.flatMap((r) => r.cards);
  const speechHours = picked.reduce((sum, r) => sum + r.speechMs, 0) / 3_600_000;
  return {
    band,
    part,
    criteria,
    overall: criterionFigures(judgements, 'all'),
    lowest: Math.min(...criteria.map((c) => c.agreement)),
    cardRecall: cards.length ? cards.filter((c) => c.redacted).length / cards.length : undefined,
    cardsRead: cards.length,
    falseRedactionsPerHour: speechHours > 0 ? picked.reduce((sum, r) => sum + r.falseRedactions, 0) / speechHours : 0,
  };
}

/** One table per band and part: rows are criteria, with the card figures underneath. */
export function renderAccuracyReport(runs: readonly CallRun[], bands: readonly Band[]): string {
  const sections: string[] = [];
  for (const band of bands) {
    for (const part of ['all', 'held-out'] as const) {
      const f = bandFigures(runs, band, part);
      const calls = new Set(runs.filter((r) => r.band === band && (part === 'all' || r.call.heldOut)).map((r) => r.call.id)).size;
      const rows = [...f.criteria, f.overall].map((c) => [
        c.criterionId,
        String(c.calls),
        String(c.truthFails),
        percent(c.agreement),
        percent(c.failPrecision),
        percent(c.failRecall),
      ]);
      sections.push(
        [
          `${band === '16k' ? '16 kHz' : '8 kHz (telephone band)'}, ${part === 'all' ? 'whole set' : 'held-out part'}: ${calls} calls`,
          renderTable(
            [
              { header: 'criterion' },
              { header: 'calls', align: 'right' },
              { header: 'fails (truth)', align: 'right' },
              { header: 'agreement', align: 'right' },
              { header: 'fail precision', align: 'right' },
              { header: 'fail recall', align: 'right' },
            ],
            rows,
          ),
          `lowest per-criterion agreement ${percent(f.lowest)}; card numbers redacted ${percent(f.cardRecall)} of ${f.cardsRead} read out; ` +
            `false redactions ${fixed(f.falseRedactionsPerHour, 1)} per hour of ordinary speech`,
        ].join('\n'),
      );
    }
  }
  return sections.join('\n\n');
}

/** Every disagreement, with what the agent channel was heard as, to see what went wrong by kind. */
export function renderMisses(runs: readonly CallRun[]): string {
  const lines: string[] = [];
  for (const run of runs) {
    const wrong = run.judgements.filter((j) => j.truth !== j.predicted);
    const leaks = run.cards.filter((c) => !c.redacted);
    if (wrong.length === 0 && leaks.length === 0) continue;
    lines.push(
      `${run.call.id}${run.call.heldOut ? ' (held out)' : ''} ${run.band} agent ${run.call.agentVoice}, customer ${run.call.customerVoice}: heard "${run.agentHeard}"`,
    );
    for (const j of wrong) lines.push(`  ${j.criterionId}: truth ${j.truth}, said ${j.predicted}: ${j.explanation}`);
    for (const c of leaks) lines.push(`  card left readable: ${c.leftReadable.join(' ')}`);
  }
  return lines.join('\n');
}
