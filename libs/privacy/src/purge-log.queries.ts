import { Injectable } from '@nestjs/common';
import { PurgeLogEntity } from '@callgrade/database';
import { DataSource, FindOptionsWhere, LessThan, MoreThanOrEqual, And } from 'typeorm';

export interface PurgeLogFilter {
  recordingId?: string;
  runId?: string;
  from?: Date;
  to?: Date;
}

/** What retention and erasures deleted, newest first. */
@Injectable()
export class PurgeLogQueries {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: PurgeLogFilter, page: number, pageSize: number): Promise<{ items: PurgeLogEntity[]; total: number }> {
    const at =
      filter.from && filter.to
        ? And(MoreThanOrEqual(filter.from), LessThan(filter.to))
        : filter.from
          ? MoreThanOrEqual(filter.from)
          : filter.to
            ? LessThan(filter.to)
            : undefined;
    const where: FindOptionsWhere<PurgeLogEntity> = { recordingId: filter.recordingId, runId: filter.runId, at };
    const [items, total] = await this.dataSource
      .getRepository(PurgeLogEntity)
      .findAndCount({ where, order: { at: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items, total };
  }
}
