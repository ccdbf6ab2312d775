import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { redisOptionsFromUrl } from '@callgrade/queue';
import Redis from 'ioredis';
import { ClientEventMap, ClientEventName, EVENTS_CHANNEL, PublishedEvent } from './client-events';

/** Publishes client events through Redis; the gateway, in whichever process holds the sockets, relays them. */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly redis: Redis;

  constructor(config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
  }

  /** Best effort: a live update that cannot be delivered is logged, never fails the work that caused it. */
  async publish<E extends ClientEventName>(name: E, payload: ClientEventMap[E], audience: PublishedEvent['audience']): Promise<void> {
    const event: PublishedEvent<E> = { name, payload, audience };
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      await this.redis.publish(EVENTS_CHANNEL, JSON.stringify(event));
    } catch (e) {
      this.logger.warn(`Could not publish ${name}: ${(e as Error).message}`);
    }
  }

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
