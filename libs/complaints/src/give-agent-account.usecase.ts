import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { agentMayGiveAccount, MAX_DESCRIPTION_LENGTH, textProblem } from '@callgrade/complaint-rules';
import { ComplaintEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { DataSource } from 'typeorm';
import { lockComplaint, saveComplaintChange } from './complaint-store';

/** The agent gives their account of the call while the complaint about it is being investigated. */
@Injectable()
export class GiveAgentAccount {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, complaintId: string, account: string): Promise<ComplaintEntity> {
    const problem = account.trim().length === 0 ? 'must not be empty' : textProblem(account, MAX_DESCRIPTION_LENGTH);
    if (problem) throw DomainError.validation({ account: problem });
    return this.dataSource.transaction(async (manager) => {
      const complaint = await lockComplaint(manager, complaintId);
      if (principal.kind !== 'user' || complaint.agentId !== principal.id) throw DomainError.notFound(`Complaint ${complaintId}`);
      if (!agentMayGiveAccount(complaint.state)) {
        throw new DomainError(ErrorCode.Conflict, `An account can be given only while the complaint is investigated; it is ${complaint.state}`, {
          state: complaint.state,
        });
      }
      const fields = { agentAccount: account.trim(), agentAccountAt: new Date() };
      await saveComplaintChange(manager, complaint, fields, {
        type: 'agent_account',
        actor: principal,
        changes: { agentAccount: { from: complaint.agentAccount, to: fields.agentAccount } },
      });
      return complaint;
    });
  }
}
