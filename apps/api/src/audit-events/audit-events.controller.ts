import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditFilter, AuditLog, AuditQueries } from '@callgrade/audit';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { AUDIT_READER_ROLES } from '@callgrade/database';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { AuditEventsFilterQuery, ListAuditEventsQuery } from './dto/audit-events.query';

const toFilter = (q: AuditEventsFilterQuery): AuditFilter => ({
  actorId: q.actorId,
  action: q.action,
  ...(q.recordingId ? { resourceType: 'recording', resourceId: q.recordingId } : { resourceType: q.resourceType }),
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

/** The audit log, read-only, for admins and auditors: who heard which call, from where; every settings and role change. */
@ApiTags('audit')
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly queries: AuditQueries,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @Roles(...AUDIT_READER_ROLES)
  async list(@Query() query: ListAuditEventsQuery) {
    const { items, total } = await this.queries.page(toFilter(query), query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The whole filtered log as CSV (cells a spreadsheet would run as formulas are prefixed with `'`). The export is itself audit-logged. */
  @Get('export')
  @Roles(...AUDIT_READER_ROLES)
  @ApiProduces('text/csv')
  async export(@Query() query: AuditEventsFilterQuery, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<StreamableFile> {
    const filter = toFilter(query);
    await this.audit.record(principal, {
      action: 'audit_log.exported',
      resourceType: 'audit_log',
      resourceId: 'all',
      ip: req.ip ?? null,
      userAgent: req.header('user-agent') ?? null,
      details: Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string')),
    });
    return new StreamableFile(Readable.from(this.queries.csv(filter)), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="audit-log.csv"',
    });
  }
}
