import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { RecoverLostJobs } from '@callgrade/transcripts';

/** Every LOST_JOB_CHECK_SECONDS, re-queues recordings whose job Redis lost (restart without data, flush). */
@Injectable()
export class LostJobsReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LostJobsReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly recover: RecoverLostJobs,
  ) {}

  onApplicationBootstrap() {
    const { everyMs } = this.config.lostJobCheck;
    if (!everyMs || !this.config.outboxRelayEnabled) return;
    this.timer = setInterval(() => this.check(), everyMs);
    this.timer.unref();
  }

  private check() {
    if (this.running) return;
    this.running = this.recover
      .execute(this.config.lostJobCheck.graceMs)
      .catch((e: Error) => this.logger.warn(`Looking for lost jobs failed (${e.message}); trying again later`))
      .finally(() => (this.running = undefined));
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }
}
