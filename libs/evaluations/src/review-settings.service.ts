import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { AuditLog } from '@callgrade/audit';
import { DisputeRouting, ReviewSettingsEntity } from '@callgrade/database';
import { Repository } from 'typeorm';

export interface ReviewSettings {
  disputeWindowHours: number;
  disputeRouting: DisputeRouting;
  updatedBy: string | null;
  updatedAt: Date;
}

const view = (row: ReviewSettingsEntity): ReviewSettings => ({
  disputeWindowHours: row.disputeWindowHours,
  disputeRouting: row.disputeRouting,
  updatedBy: row.updatedBy,
  updatedAt: row.updatedAt,
});

/** The company's review rules: how long agents may dispute, and who resolves disputes. */
@Injectable()
export class ReviewSettingsService {
  constructor(
    @InjectRepository(ReviewSettingsEntity) private readonly settings: Repository<ReviewSettingsEntity>,
    private readonly audit: AuditLog,
  ) {}

  async current(): Promise<ReviewSettings> {
    return view(await this.settings.findOneByOrFail({ id: 1 }));
  }

  async update(principal: Principal, change: Partial<Pick<ReviewSettings, 'disputeWindowHours' | 'disputeRouting'>>): Promise<ReviewSettings> {
    const before = await this.current();
    await this.settings.update({ id: 1 }, { ...change, updatedBy: principal.id });
    const after = await this.current();
    await this.audit.record(principal, {
      action: 'review_settings.updated',
      resourceType: 'review_settings',
      resourceId: '1',
      details: {
        disputeWindowHoursBefore: before.disputeWindowHours,
        disputeWindowHours: after.disputeWindowHours,
        disputeRoutingBefore: before.disputeRouting,
        disputeRouting: after.disputeRouting,
      },
    });
    return after;
  }
}
