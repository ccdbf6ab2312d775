import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecordingStatus } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { enqueueInTransaction, JobName } from '@callgrade/queue';
import { DataSource } from 'typeorm';

export interface RescoreSelection {
  ids?: string[];
  agentId?: string;
  teamId?: string;
  from?: Date;
  to?: Date;
}

const MAX_PER_REQUEST = 100_000;

/**
 * Queues a new auto-score for recordings that have a transcript, by ids or by filter. Each gets a
 * job id of its own (`<id>.rescore-<n>`), so earlier scores are kept and nothing is scored twice by
 * one request.
 */
@Injectable()
export class RequestRescore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(selection: RescoreSelection): Promise<{ queued: number; recordingIds: string[] }> {
    if (!selection.ids?.length && !selection.agentId && !selection.teamId && !selection.from && !selection.to) {
      throw DomainError.validation({ ids: 'give recording ids or at least one filter (agentId, teamId, from, to)' });
    }
    return this.dataSource.transaction(async (manager) => {
      const where: string[] = [
        `status IN ('${RecordingStatus.Scored}', '${RecordingStatus.Transcribed}', '${RecordingStatus.Failed}')`,
        'EXISTS (SELECT 1 FROM transcripts t WHERE t.recording_id = r.id)',
      ];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (selection.ids?.length) add('r.id = ANY(?::uuid[])', selection.ids);
      if (selection.agentId) add('r.agent_id = ?', selection.agentId);
      if (selection.teamId) add('r.team_id = ?', selection.teamId);
      if (selection.from) add('r.started_at >= ?', selection.from);
      if (selection.to) add('r.started_at < ?', selection.to);
      params.push(MAX_PER_REQUEST + 1);
      // UPDATE … RETURNING comes back from the driver as [rows, affected count].
      const [rows] = await manager.query<[{ id: string; scoring_runs: number }[], number]>(
        `UPDATE recordings r SET scoring_runs = scoring_runs + 1 WHERE r.id IN (
           SELECT r.id FROM recordings r WHERE ${where.join(' AND ')} ORDER BY r.started_at LIMIT $${params.length} FOR UPDATE
         ) RETURNING r.id, r.scoring_runs`,
        params,
      );
      if (rows.length > MAX_PER_REQUEST) throw DomainError.validation({ ids: `selects more than ${MAX_PER_REQUEST} recordings; narrow the filter` });
      for (const row of rows) {
        await enqueueInTransaction(manager, {
          job: JobName.RescoreRecording,
          entityId: `${row.id}.rescore-${row.scoring_runs}`,
          payload: { recordingId: row.id },
        });
      }
      return { queued: rows.length, recordingIds: rows.map((r) => r.id) };
    });
  }
}
