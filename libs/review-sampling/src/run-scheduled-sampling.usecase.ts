import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SamplingPlanEntity } from '@callgrade/database';
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

/**
 * One tick of the schedule: every live plan with scheduleEnabled is run for its previous complete period.
 * Ticking again (another worker, a retry, the next hour) does nothing for a period that already ran, so
 * the schedule can fire as often as it likes. One plan failing does not stop the others.
 */
@Injectable()
export class RunScheduledSampling {
  private readonly logger = new Logger(RunScheduledSampling.name);

  constructor(
    @InjectRepository(SamplingPlanEntity) private readonly plans: Repository<SamplingPlanEntity>,
    private readonly runSampling: RunSampling,
  ) {}

  async execute(now = new Date(), onlyPlanId?: string): Promise<ScheduledRunOutcome[]> {
    const plans = await this.plans.find({
      select: { id: true },
      where: { scheduleEnabled: true, archivedAt: IsNull(), ...(onlyPlanId ? { id: onlyPlanId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const outcomes: ScheduledRunOutcome[] = [];
    for (const { id } of plans) {
      try {
        const run = await this.runSampling.execute({ planId: id, trigger: 'schedule', now });
        outcomes.push({ planId: id, outcome: run.alreadyRan ? 'already-ran' : 'ran', runId: run.id, periodStart: run.periodStart, picked: run.picked });
      } catch (e) {
        const error = (e as Error).message;
        this.logger.warn(`Scheduled sampling of plan ${id} failed: ${error}`);
        outcomes.push({ planId: id, outcome: 'failed', error });
      }
    }
    return outcomes;
  }
}
