import { Global, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { assertRedisAnswers } from './redis-connection';

/** Checks Redis once at start-up so a missing server is reported at once, with how to fix it. */
@Global()
@Module({})
export class QueueModule implements OnModuleInit {
  constructor(private readonly config: AppConfig) {}

  async onModuleInit() {
    await assertRedisAnswers(this.config.redisUrl);
  }
}
