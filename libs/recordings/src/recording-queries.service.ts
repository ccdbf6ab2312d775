import { Page } from '@callgrade/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { RecordingEntity, RecordingStatus } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { Repository } from 'typeorm';
import { scopeRecordingsTo } from './recording-access';

export interface RecordingFilter {
  agentId?: string;
  teamId?: string;
  status?: RecordingStatus;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export type RecordingPage = Page<RecordingEntity>;

@Injectable()
export class RecordingQueries {
  constructor(@InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>) {}

  /** One query for the page (agent joined), one for the count, whatever the page size. */
  async list(principal: Principal, filter: RecordingFilter): Promise<RecordingPage> {
    const qb = this.recordings.createQueryBuilder('r').leftJoinAndSelect('r.agent', 'agent');
    scopeRecordingsTo(qb, principal);
    if (filter.agentId) qb.andWhere('r.agent_id = :agentId', { agentId: filter.agentId });
    if (filter.teamId) qb.andWhere('r.team_id = :teamId', { teamId: filter.teamId });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.from) qb.andWhere('r.started_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('r.started_at < :to', { to: filter.to });
    // Many-to-one join: rows don't multiply, so plain LIMIT/OFFSET pages correctly.
    qb.orderBy('r.started_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** Not found when it does not exist or the principal may not see it, so existence never leaks. */
  async get(principal: Principal, id: string): Promise<RecordingEntity> {
    const qb = this.recordings.createQueryBuilder('r').leftJoinAndSelect('r.agent', 'agent').where('r.id = :id', { id });
    const recording = await scopeRecordingsTo(qb, principal).getOne();
    if (!recording) throw DomainError.notFound(`Recording ${id}`);
    return recording;
  }
}
