import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { EvaluationQueries } from '@callgrade/evaluations';
import { DisputeQueueQuery } from './dto/evaluation.dto';

@ApiTags('evaluations')
@Controller('disputes')
export class DisputesController {
  constructor(private readonly queries: EvaluationQueries) {}

  /** Disputes waiting for a decision (or decided), oldest first; `mine=true` for those assigned to the caller. */
  @Get()
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam)
  queue(@CurrentPrincipal() principal: Principal, @Query() query: DisputeQueueQuery) {
    return this.queries.disputeQueue(principal, query.status, query.mine === 'true');
  }
}
