import { Injectable, Logger } from '@nestjs/common';
import { DeadlineKind } from '@callgrade/complaint-rules';
import { DataSource } from 'typeorm';
import { CheckComplaintDeadline } from './check-complaint-deadline.usecase';
import { deadlineTimer } from './complaint-store';

export interface DueTimer {
  complaintId: string;
  kind: DeadlineKind;
  dueAt: Date;
}

export interface SweepResult {
  breached: number;
  /** Deadlines falling due before the next sweeps: their timers should be in the queue. */
  upcoming: ReturnType<typeof deadlineTimer>[];
}

const BATCH = 500;

/**
 * The safety net under the deadline timers. Reads PostgreSQL, not Redis: any deadline that has passed
 * without being met or marked is checked now (a timer lost with Redis, a worker that was down), and the
 * timers of deadlines due within `horizonMs` are returned so the worker can put back any Redis lost.
 */
@Injectable()
export class SweepComplaintDeadlines {
  private readonly logger = new Logger(SweepComplaintDeadlines.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly check: CheckComplaintDeadline,
  ) {}

  async execute(now: Date, horizonMs: number): Promise<SweepResult> {
    const overdue = await this.pending(null, now);
    let breached = 0;
    for (const due of overdue) {
      try {
        if ((await this.check.execute(due.complaintId, due.kind, now)) === 'breached') breached++;
      } catch (e) {
        this.logger.warn(`Complaint ${due.complaintId}: checking the ${due.kind} deadline failed: ${(e as Error).message}`);
      }
    }
    const upcoming = await this.pending(now, new Date(now.getTime() + horizonMs));
    return { breached, upcoming: upcoming.map((d) => deadlineTimer(d.complaintId, d.kind, d.dueAt)) };
  }

  /** Deadlines neither met nor marked, due in (after, until], soonest first. */
  private async pending(after: Date | null, until: Date): Promise<DueTimer[]> {
    const rows: { id: string; kind: DeadlineKind; due_at: Date }[] = await this.dataSource.query(
      `SELECT id, kind, due_at FROM (
         (SELECT id, 'first_response' AS kind, first_response_due_at AS due_at FROM complaints
           WHERE first_responded_at IS NULL AND first_response_breached_at IS NULL AND resolved_at IS NULL AND first_response_due_at <= $2 AND ($1::timestamptz IS NULL OR first_response_due_at > $1)
           ORDER BY first_response_due_at LIMIT ${BATCH})
         UNION ALL
         (SELECT id, 'resolution', resolution_due_at FROM complaints
           WHERE resolved_at IS NULL AND resolution_breached_at IS NULL AND resolution_due_at <= $2 AND ($1::timestamptz IS NULL OR resolution_due_at > $1)
           ORDER BY resolution_due_at LIMIT ${BATCH})
       ) due ORDER BY due_at`,
      [after, until],
    );
    return rows.map((r) => ({ complaintId: r.id, kind: r.kind, dueAt: r.due_at }));
  }
}
