import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UserPrincipal } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { ScoringSettingsService } from '@callgrade/scorecards';
import { ScoringSettingsResponse, UpdateScoringSettingsDto } from './dto/scoring-settings.dto';

@ApiTags('settings')
@Controller('settings/scoring')
export class ScoringSettingsController {
  constructor(private readonly settings: ScoringSettingsService) {}

  @Get()
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam)
  async current(): Promise<ScoringSettingsResponse> {
    return ScoringSettingsResponse.from(await this.settings.current());
  }

  /** Stores the settings as a new version; scores already made keep the version they used. */
  @Put()
  @Roles(UserRole.Admin, UserRole.QaSupervisor)
  async update(@Body() dto: UpdateScoringSettingsDto, @CurrentPrincipal() user: UserPrincipal): Promise<ScoringSettingsResponse> {
    return ScoringSettingsResponse.from(await this.settings.update(dto.settings, user));
  }

  @Get('history')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam)
  async history(): Promise<ScoringSettingsResponse[]> {
    return (await this.settings.history()).map(ScoringSettingsResponse.from);
  }
}
