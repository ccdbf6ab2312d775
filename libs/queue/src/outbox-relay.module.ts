import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';

/** Imported by the worker: the process that moves outbox rows to Redis. */
@Module({ providers: [OutboxRelayService], exports: [OutboxRelayService] })
export class OutboxRelayModule {}
