import { AUTO_CRITERIA, AutoCriterionId, Outcome } from './call-set';

/** One auto criterion of one call: what the script holds, what the pipeline said, and why. */
export interface Judgement {
  callId: string;
  criterionId: AutoCriterionId;
  truth: Outcome;
  predicted: Outcome;
  explanation: string;
  /** The scorer's result on the script's own words (a perfect transcript), to tell recognition from scoring. */
  onScript: Outcome;
}

export interface Agreement {
  agreed: number;
  total: number;
  rate: number;
}

const OUTCOMES: readonly Outcome[] = ['pass', 'fail', 'na'];

const agreementOf = (judgements: readonly Judgement[]): Agreement => {
  const agreed = judgements.filter((j) => j.truth === j.predicted).length;
  return { agreed, total: judgements.length, rate: judgements.length === 0 ? 1 : agreed / judgements.length };
};

export const overallAgreement = (judgements: readonly Judgement[]): Agreement => agreementOf(judgements);

export function agreementByCriterion(judgements: readonly Judgement[]): Map<AutoCriterionId, Agreement> {
  return new Map(AUTO_CRITERIA.map((id) => [id, agreementOf(judgements.filter((j) => j.criterionId === id))]));
}

const percent = (a: Agreement) => `${(a.rate * 100).toFixed(1)}%`;

/** Left-aligned first column, right-aligned others, two spaces apart. */
function table(rows: string[][], indent = '  '): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map(
      (r) =>
        indent +
        r
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** Per criterion: rows are the truth, columns what the pipeline predicted. */
export function confusionTables(judgements: readonly Judgement[]): string {
  const byCriterion = agreementByCriterion(judgements);
  return AUTO_CRITERIA.map((id) => {
    const mine = judgements.filter((j) => j.criterionId === id);
    const a = byCriterion.get(id)!;
    const rows = [['truth \\ predicted', ...OUTCOMES]];
    for (const truth of OUTCOMES) rows.push([truth, ...OUTCOMES.map((p) => String(mine.filter((j) => j.truth === truth && j.predicted === p).length))]);
    return `${id}: ${a.agreed}/${a.total} agree (${percent(a)})\n${table(rows)}`;
  }).join('\n\n');
}

/** What went wrong where; `cause` is "recognition" when the scorer gets it right on the script's own words. */
export function disagreementList(judgements: readonly Judgement[]): string {
  const wrong = judgements.filter((j) => j.truth !== j.predicted);
  if (wrong.length === 0) return '  (none)';
  const rows = [['call', 'criterion', 'truth', 'predicted', 'cause', 'explanation']];
  for (const j of wrong) {
    rows.push([j.callId, j.criterionId, j.truth, j.predicted, j.onScript === j.truth ? 'recognition' : 'scoring', j.explanation]);
  }
  const widths = rows[0].map((_, c) => (c === rows[0].length - 1 ? 0 : Math.max(...rows.map((r) => r[c].length))));
  return rows
    .map(
      (r) =>
        `  ${r
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('  ')
          .trimEnd()}`,
    )
    .join('\n');
}

/** The whole report: summary per criterion, confusion tables, disagreements, and what was heard in calls with any. */
export function accuracyReport(judgements: readonly Judgement[], heard: ReadonlyMap<string, string>, header: string): string {
  const overall = overallAgreement(judgements);
  const onScript = agreementOf(judgements.map((j) => ({ ...j, predicted: j.onScript })));
  const summary = table([
    ['criterion', 'agree', 'of', 'rate'],
    ...[...agreementByCriterion(judgements)].map(([id, a]) => [id, String(a.agreed), String(a.total), percent(a)]),
    ['overall', String(overall.agreed), String(overall.total), percent(overall)],
  ]);
  const callsWithErrors = [...new Set(judgements.filter((j) => j.truth !== j.predicted).map((j) => j.callId))];
  return [
    header,
    '',
    summary,
    '',
    `Scoring the scripts' own words (a perfect transcript) agrees on ${onScript.agreed}/${onScript.total} (${percent(onScript)}).`,
    '',
    'Confusion per criterion (rows: truth, columns: predicted)',
    '',
    confusionTables(judgements),
    '',
    'Disagreements',
    disagreementList(judgements),
    '',
    'What pocketsphinx heard from the agent in those calls',
    ...callsWithErrors.map((id) => `  ${id}: ${heard.get(id) ?? ''}`),
  ].join('\n');
}
