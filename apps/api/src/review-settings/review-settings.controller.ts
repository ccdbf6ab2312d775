import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { DisputeRouting, UserRole } from '@callgrade/database';
import { ReviewSettingsService } from '@callgrade/evaluations';
import { DomainError } from '@callgrade/http';

class UpdateReviewSettingsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 8760, description: 'Hours after publication during which an agent may dispute' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8760)
  disputeWindowHours?: number;

  @ApiPropertyOptional({ enum: ['other_reviewer', 'dispute_team'] })
  @IsOptional()
  @IsIn(['other_reviewer', 'dispute_team'])
  disputeRouting?: DisputeRouting;
}

@ApiTags('review-settings')
@Controller('review-settings')
export class ReviewSettingsController {
  constructor(private readonly settings: ReviewSettingsService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam)
  current() {
    return this.settings.current();
  }

  @Put()
  @Roles(UserRole.Admin)
  update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateReviewSettingsDto) {
    // Each update is a new version in the history: an empty one would only add noise.
    if (dto.disputeWindowHours === undefined && dto.disputeRouting === undefined)
      throw DomainError.validation({ body: 'send disputeWindowHours, disputeRouting or both' });
    return this.settings.update(principal, dto);
  }
}
