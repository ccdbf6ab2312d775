import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TeamsService } from '@callgrade/accounts';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { CreateTeamDto, TeamResponse, UpdateTeamDto } from './dto/team.dto';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles(UserRole.Admin)
  async create(@Body() dto: CreateTeamDto, @CurrentPrincipal() admin: Principal): Promise<TeamResponse> {
    return TeamResponse.from(await this.teams.create(dto, admin));
  }

  @Get()
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam)
  async list(): Promise<TeamResponse[]> {
    return (await this.teams.list()).map(TeamResponse.from);
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam)
  async get(@IdParam() id: string): Promise<TeamResponse> {
    return TeamResponse.from(await this.teams.get(id));
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  async update(@IdParam() id: string, @Body() dto: UpdateTeamDto, @CurrentPrincipal() admin: Principal): Promise<TeamResponse> {
    return TeamResponse.from(await this.teams.update(id, dto, admin));
  }
}
