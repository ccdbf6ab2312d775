import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox.relay';

/** The relay as a Nest service: starts with the app (when enabled) and stops with it. */
@Injectable()
export class OutboxRelayService extends OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super(dataSource, config.redisUrl, { transcriptionAttempts: config.transcriptionAttempts });
  }

  onApplicationBootstrap() {
    if (this.config.outboxRelayEnabled) this.start(this.config.outboxPollMs);
  }

  async onApplicationShutdown() {
    await this.stop();
  }
}
