import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { ReviewAssignmentsService } from '@callgrade/review-sampling';
import { PageQuery } from '../pagination.query';
import { CancelReviewDto, ListReviewAssignmentsQuery, ReassignReviewDto } from './dto/review-assignment.dto';
import { ReviewAssignmentPageResponse, ReviewAssignmentResponse } from './dto/review-assignment.response';

const SUPERVISORS = [UserRole.Admin, UserRole.QaSupervisor];
/** Who can have a review queue; dispute-team members see only their own assignments. */
const REVIEWERS = [UserRole.QaSupervisor, UserRole.Admin, UserRole.DisputeTeam];

@ApiTags('review assignments')
@Controller('review-assignments')
export class ReviewAssignmentsController {
  constructor(private readonly assignments: ReviewAssignmentsService) {}

  @Get()
  @Roles(...SUPERVISORS)
  async list(@Query() query: ListReviewAssignmentsQuery): Promise<ReviewAssignmentPageResponse> {
    return ReviewAssignmentPageResponse.from(await this.assignments.list(query));
  }

  /** The caller's queue: open and in-progress assignments, oldest first. */
  @Get('mine')
  @Roles(...REVIEWERS)
  async mine(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<ReviewAssignmentPageResponse> {
    return ReviewAssignmentPageResponse.from(await this.assignments.mine(principal, query));
  }

  @Get(':id')
  @Roles(...REVIEWERS)
  async get(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<ReviewAssignmentResponse> {
    return ReviewAssignmentResponse.from(await this.assignments.get(principal, id));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  async reassign(@IdParam() id: string, @Body() dto: ReassignReviewDto, @CurrentPrincipal() principal: Principal): Promise<ReviewAssignmentResponse> {
    return ReviewAssignmentResponse.from(await this.assignments.reassign(principal, id, dto));
  }

  /** Drops the assignment; the call can be picked by later runs again. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  async cancel(@IdParam() id: string, @Body() dto: CancelReviewDto, @CurrentPrincipal() principal: Principal): Promise<ReviewAssignmentResponse> {
    return ReviewAssignmentResponse.from(await this.assignments.cancel(principal, id, dto.reason));
  }
}
