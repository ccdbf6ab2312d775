import { Injectable } from '@nestjs/common';
import { ScorecardsService } from '@callgrade/scorecards';
import { DataSource } from 'typeorm';

export interface AutoAgreementRow {
  criterionId: string;
  title: string | null;
  /** Evaluations whose current revision answered this auto criterion. */
  answered: number;
  agreed: number;
  /** agreed / answered, 0..1. */
  agreementRate: number;
  /** Yes/no criteria: the machine said yes and the reviewer no, and the other way round. */
  autoPassedHumanFailed: number;
  autoFailedHumanPassed: number;
}

export interface AutoAgreementReport {
  from: Date;
  to: Date;
  evaluations: number;
  overall: { answered: number; agreed: number; agreementRate: number | null };
  criteria: AutoAgreementRow[];
}

/**
 * How often reviewers agree with each automatic check, over evaluations submitted in a period, counting
 * each evaluation's current revision (an amendment replaces what its evaluation said before). Lowest
 * agreement first: those are the checks not to trust yet.
 */
@Injectable()
export class AutoAgreementReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
  ) {}

  async execute(from: Date, to: Date): Promise<AutoAgreementReport> {
    const rows: { criterion_id: string; answered: string; agreed: string; pass_fail: string; fail_pass: string; evaluations: string; versions: string[] }[] =
      await this.dataSource.query(
        `SELECT a.criterion_id,
              count(*) AS answered,
              count(*) FILTER (WHERE a.agreed) AS agreed,
              count(*) FILTER (WHERE a.auto_answer->>'kind' = 'yes' AND a.human_answer->>'kind' = 'no') AS pass_fail,
              count(*) FILTER (WHERE a.auto_answer->>'kind' = 'no' AND a.human_answer->>'kind' = 'yes') AS fail_pass,
              count(DISTINCT a.evaluation_id) AS evaluations,
              array_agg(DISTINCT e.scorecard_version_id::text) AS versions
         FROM auto_agreements a
         JOIN evaluations e ON e.id = a.evaluation_id AND e.revision = a.revision
        WHERE e.submitted_at >= $1 AND e.submitted_at < $2
        GROUP BY a.criterion_id`,
        [from, to],
      );
    const [{ count }]: { count: string }[] = await this.dataSource.query(
      `SELECT count(DISTINCT a.evaluation_id) AS count FROM auto_agreements a JOIN evaluations e ON e.id = a.evaluation_id AND e.revision = a.revision
        WHERE e.submitted_at >= $1 AND e.submitted_at < $2`,
      [from, to],
    );
    const titles = await this.criterionTitles([...new Set(rows.flatMap((r) => r.versions))]);
    const criteria = rows
      .map((r): AutoAgreementRow => {
        const answered = Number(r.answered);
        const agreed = Number(r.agreed);
        return {
          criterionId: r.criterion_id,
          title: titles.get(r.criterion_id) ?? null,
          answered,
          agreed,
          agreementRate: agreed / answered,
          autoPassedHumanFailed: Number(r.pass_fail),
          autoFailedHumanPassed: Number(r.fail_pass),
        };
      })
      .sort((a, b) => a.agreementRate - b.agreementRate || a.criterionId.localeCompare(b.criterionId));
    const answered = criteria.reduce((n, c) => n + c.answered, 0);
    const agreed = criteria.reduce((n, c) => n + c.agreed, 0);
    return { from, to, evaluations: Number(count), overall: { answered, agreed, agreementRate: answered ? agreed / answered : null }, criteria };
  }

  private async criterionTitles(versionIds: string[]): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (const id of versionIds) {
      const { definition } = await this.scorecards.getVersionById(id);
      for (const section of definition.sections) for (const c of section.criteria) if (!titles.has(c.id)) titles.set(c.id, c.title);
    }
    return titles;
  }
}
