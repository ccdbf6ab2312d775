import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { AuditEventEntity, FlatJson } from '@callgrade/database';
import { EntityManager, Repository } from 'typeorm';

export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** Where a request came from, as the audit log keeps it. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  ip?: string | null;
  userAgent?: string | null;
  details?: FlatJson;
}

/** Appends who did what to which resource. Rows are never updated or deleted (the database refuses). */
@Injectable()
export class AuditLog {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** With `manager`, the entry commits or rolls back with the caller's transaction. */
  async record(actor: Principal, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(AuditEventEntity) : this.events).insert({
      actorType: actor.kind,
      actorId: actor.id,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 512) ?? null,
      details: entry.details ?? {},
    });
  }

  /** Work nobody asked for at that moment (the scheduled purge): actor `system`, nil UUID. */
  async recordBySystem(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(AuditEventEntity) : this.events).insert({
      actorType: 'system',
      actorId: SYSTEM_ACTOR_ID,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      ip: null,
      userAgent: null,
      details: entry.details ?? {},
    });
  }

  /** An event nobody signed in caused, such as a login lockout. */
  async recordAnonymous(entry: AuditEntry): Promise<void> {
    await this.events.insert({
      actorType: 'anonymous',
      actorId: null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    });
  }

  forResource(resourceType: string, resourceId: string): Promise<AuditEventEntity[]> {
    return this.events.find({ where: { resourceType, resourceId }, order: { id: 'ASC' } });
  }
}
