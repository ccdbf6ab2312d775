import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SamplingPlanEntity, SamplingRunEntity } from '@callgrade/database';
import { PeriodBounds, periodContaining, previousPeriod } from '@callgrade/review-rules';
import { IsNull, Repository } from 'typeorm';
import { RunSampling } from './run-sampling.usecase';

export interface ScheduledRunOutcome {
  planId: string;
  /** `ran`: a new run; `already-ran`: this period had its scheduled run; `failed`: see error. */
  outcome: 'ran' | 'already-ran' | 'failed';
  runId?: string;
  periodStart?: Date;
  picked?: number;
  error?: string;
}

/** After an outage, at most this many missed periods of a plan are caught up (the most recent ones). */
export const MAX_CATCH_UP_PERIODS = 31;

/**
 * One tick of the schedule: every live plan with scheduleEnabled is run for its previous complete period,
 * and for any complete period missed since its last scheduled run (workers or Redis down over a period
 * boundary), oldest first. Ticking again (another worker, a retry, the next hour) does nothing for a
 * period that already ran, so the schedule can fire as often as it likes. One plan failing does not stop
 * the others.
 */
@Injectable()
export class RunScheduledSampling {
  private readonly logger = new Logger(RunScheduledSampling.name);

  constructor(
    @InjectRepository(SamplingPlanEntity) private readonly plans: Repository<SamplingPlanEntity>,
    @InjectRepository(SamplingRunEntity) private readonly runs: Repository<SamplingRunEntity>,
    private readonly runSampling: RunSampling,
  ) {}

  async execute(now = new Date(), onlyPlanId?: string): Promise<ScheduledRunOutcome[]> {
    const plans = await this.plans.find({
      select: { id: true, period: true },
      where: { scheduleEnabled: true, archivedAt: IsNull(), ...(onlyPlanId ? { id: onlyPlanId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const outcomes: ScheduledRunOutcome[] = [];
    for (const plan of plans) {
      for (const period of await this.duePeriods(plan, now)) {
        try {
          const run = await this.runSampling.execute({ planId: plan.id, trigger: 'schedule', periodStart: period.start, now });
          outcomes.push({ planId: plan.id, outcome: run.alreadyRan ? 'already-ran' : 'ran', runId: run.id, periodStart: run.periodStart, picked: run.picked });
        } catch (e) {
          const error = (e as Error).message;
          this.logger.warn(`Scheduled sampling of plan ${plan.id} failed: ${error}`);
          outcomes.push({ planId: plan.id, outcome: 'failed', periodStart: period.start, error });
          break;
        }
      }
    }
    return outcomes;
  }

  /** The periods after the plan's last scheduled run, up to the previous complete one; at least that one. */
  private async duePeriods(plan: Pick<SamplingPlanEntity, 'id' | 'period'>, now: Date): Promise<PeriodBounds[]> {
    const latest = previousPeriod(plan.period, now);
    const last = await this.runs.findOne({ select: { periodEnd: true }, where: { planId: plan.id, trigger: 'schedule' }, order: { periodStart: 'DESC' } });
    if (!last) return [latest];
    const due: PeriodBounds[] = [];
    for (let period = periodContaining(plan.period, last.periodEnd); period.start < latest.end; period = periodContaining(plan.period, period.end))
      due.push(period);
    if (due.length > MAX_CATCH_UP_PERIODS)
      this.logger.warn(`Plan ${plan.id} missed ${due.length} scheduled periods; catching up the last ${MAX_CATCH_UP_PERIODS}`);
    return due.length > 0 ? due.slice(-MAX_CATCH_UP_PERIODS) : [latest];
  }
}
