import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';
import { AuditQueries } from './audit-queries.service';

@Global()
@Module({ providers: [AuditLog, AuditQueries], exports: [AuditLog, AuditQueries] })
export class AuditModule {}
