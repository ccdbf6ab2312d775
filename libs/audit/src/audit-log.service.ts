import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { AuditEventEntity, FlatJson } from '@callgrade/database';
import { Repository } from 'typeorm';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  ip?: string | null;
  details?: FlatJson;
}

/** Appends who did what to which resource. Rows are never updated or deleted (the database refuses). */
@Injectable()
export class AuditLog {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async record(actor: Principal, entry: AuditEntry): Promise<void> {
    await this.events.insert({
      actorType: actor.kind,
      actorId: actor.id,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    });
  }

  /** An event nobody signed in caused, such as a login lockout. */
  async recordAnonymous(entry: AuditEntry): Promise<void> {
    await this.events.insert({ actorType: 'anonymous', actorId: null, action: entry.action, resourceType: entry.resourceType, resourceId: entry.resourceId, ip: entry.ip ?? null, details: entry.details ?? {} });
  }

  forResource(resourceType: string, resourceId: string): Promise<AuditEventEntity[]> {
    return this.events.find({ where: { resourceType, resourceId }, order: { id: 'ASC' } });
  }
}
