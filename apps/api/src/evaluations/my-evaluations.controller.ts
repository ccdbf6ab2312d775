import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { EvaluationQueries } from '@callgrade/evaluations';
import { PageQuery } from '../pagination.query';

@ApiTags('evaluations')
@Controller('me')
export class MyEvaluationsController {
  constructor(private readonly queries: EvaluationQueries) {}

  /** The caller's own published evaluations; agents never see anyone else's. */
  @Get('evaluations')
  @Roles(UserRole.Agent)
  mine(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    return this.queries.mine(principal, page.page, page.pageSize);
  }
}
