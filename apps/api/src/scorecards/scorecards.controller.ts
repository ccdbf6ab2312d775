import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UserPrincipal } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { IdParam, PositiveIntParam } from '@callgrade/http';
import { ScorecardsService } from '@callgrade/scorecards';
import { CreateScorecardDto, UpdateScorecardDto } from './dto/scorecard.dto';
import { ScorecardResponse, ScorecardSummaryResponse, ScorecardVersionResponse } from './dto/scorecard.response';

const READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam];
const WRITERS = [UserRole.Admin, UserRole.QaSupervisor];

// eslint-disable-next-line no-useless-assignment -- false positive: use in a parameter decorator is not seen (eslint/eslint#20947)
const VersionParam = () => PositiveIntParam('version');

@ApiTags('scorecards')
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Post()
  @Roles(...WRITERS)
  async create(@Body() dto: CreateScorecardDto, @CurrentPrincipal() user: UserPrincipal): Promise<ScorecardResponse> {
    return ScorecardResponse.from(await this.scorecards.create(dto, user));
  }

  @Get()
  @Roles(...READERS)
  async list(): Promise<ScorecardSummaryResponse[]> {
    return (await this.scorecards.list()).map(ScorecardSummaryResponse.from);
  }

  @Get(':id')
  @Roles(...READERS)
  async get(@IdParam() id: string): Promise<ScorecardResponse> {
    return ScorecardResponse.from(await this.scorecards.get(id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  async update(@IdParam() id: string, @Body() dto: UpdateScorecardDto, @CurrentPrincipal() user: UserPrincipal): Promise<ScorecardResponse> {
    return ScorecardResponse.from(await this.scorecards.update(id, dto, user));
  }

  @Post(':id/default')
  @HttpCode(200)
  @Roles(...WRITERS)
  async setDefault(@IdParam() id: string, @CurrentPrincipal() user: UserPrincipal): Promise<ScorecardResponse> {
    return ScorecardResponse.from(await this.scorecards.setDefault(id, user));
  }

  @Delete(':id')
  @Roles(...WRITERS)
  async archive(@IdParam() id: string, @CurrentPrincipal() user: UserPrincipal): Promise<ScorecardResponse> {
    return ScorecardResponse.from(await this.scorecards.archive(id, user));
  }

  @Get(':id/versions/:version')
  @Roles(...READERS)
  async version(@IdParam() id: string, @VersionParam() version: number): Promise<ScorecardVersionResponse> {
    return ScorecardVersionResponse.from(await this.scorecards.getVersion(id, version));
  }
}
