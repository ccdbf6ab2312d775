import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AutoScoreQueries, RequestRescore } from '@callgrade/auto-scoring';
import { AllowApiKey, CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { CALL_READER_ROLES, AutoScoreEntity, UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { RescoreDto } from './dto/rescore.dto';

const view = (s: AutoScoreEntity) => ({
  id: s.id,
  recordingId: s.recordingId,
  scorecardVersionId: s.scorecardVersionId,
  settingsVersionId: s.settingsVersionId,
  percent: s.percent,
  criticalFailed: s.criticalFailed,
  complete: s.complete,
  language: s.language,
  criteria: s.criteria,
  breakdown: s.breakdown,
  trigger: s.trigger,
  createdAt: s.createdAt,
});

@ApiTags('auto-scores')
@Controller('recordings')
export class AutoScoresController {
  constructor(
    private readonly queries: AutoScoreQueries,
    private readonly rescore: RequestRescore,
  ) {}

  @Get(':id/auto-score')
  @Roles(...CALL_READER_ROLES)
  @AllowApiKey()
  @ApiQuery({ name: 'history', required: false, description: 'true: every auto-score, newest first' })
  async autoScore(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Query('history') history?: string) {
    if (history === 'true') return (await this.queries.history(principal, id)).map(view);
    return view(await this.queries.latest(principal, id));
  }

  @Post('rescore')
  @Roles(UserRole.Admin)
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Re-scores queued; each recording moves through `scoring` to `scored`, with `recording.status` events' })
  async requestRescore(@Body() dto: RescoreDto) {
    return this.rescore.execute({ ...dto, from: dto.from ? new Date(dto.from) : undefined, to: dto.to ? new Date(dto.to) : undefined });
  }
}
