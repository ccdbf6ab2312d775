import { Body, Controller, Get, Header, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UserPrincipal } from '@callgrade/auth';
import {
  CalibrationQueries,
  CloseCalibrationSession,
  CreateCalibrationSession,
  SetCalibrationReference,
  SubmitCalibrationAnswers,
} from '@callgrade/calibration';
import { barChart } from '@callgrade/charts';
import { UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { CalibrationAnswersDto } from './dto/calibration-answers.dto';
import {
  CalibrationResultsResponse,
  CalibrationSessionPageResponse,
  CalibrationSessionResponse,
  CalibrationSessionSummaryResponse,
  CalibrationSheetResponse,
} from './dto/calibration-session.response';
import { CreateCalibrationSessionDto } from './dto/create-calibration-session.dto';
import { ListCalibrationSessionsQuery } from './dto/list-calibration-sessions.query';

/** Lead and score calibration sessions. */
const CALIBRATORS = [UserRole.Admin, UserRole.QaSupervisor];
/** Trainers read closed sessions and their results too. */
const READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer];

@ApiTags('calibration')
@Controller('calibration-sessions')
export class CalibrationSessionsController {
  constructor(
    private readonly createSession: CreateCalibrationSession,
    private readonly submitCalibrationAnswers: SubmitCalibrationAnswers,
    private readonly setCalibrationReference: SetCalibrationReference,
    private readonly closeSession: CloseCalibrationSession,
    private readonly calibration: CalibrationQueries,
  ) {}

  @Post()
  @Roles(...CALIBRATORS)
  @ApiOkResponse({ type: CalibrationSessionResponse })
  async create(@Body() dto: CreateCalibrationSessionDto, @CurrentPrincipal() user: UserPrincipal): Promise<CalibrationSessionResponse> {
    return CalibrationSessionResponse.from(await this.createSession.execute(user, dto));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({
    type: CalibrationSessionPageResponse,
    description: 'Sessions the caller leads or takes part in (admins: all; trainers: closed ones), newest first',
  })
  async list(@Query() query: ListCalibrationSessionsQuery, @CurrentPrincipal() user: UserPrincipal): Promise<CalibrationSessionPageResponse> {
    const page = await this.calibration.list(user, query);
    return { ...page, items: page.items.map(CalibrationSessionSummaryResponse.from) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: CalibrationSessionResponse, description: 'Blind while open: only the caller’s own answers; everyone’s and the results once closed' })
  async get(@IdParam() id: string, @CurrentPrincipal() user: UserPrincipal): Promise<CalibrationSessionResponse> {
    return CalibrationSessionResponse.from(await this.calibration.get(user, id));
  }

  @Put(':id/recordings/:recordingId/answers')
  @Roles(...CALIBRATORS)
  @ApiOkResponse({ type: CalibrationSheetResponse })
  @ApiConflictResponse({ description: 'The session is closed or its deadline has passed' })
  async submitAnswers(
    @IdParam() id: string,
    @IdParam('recordingId') recordingId: string,
    @Body() dto: CalibrationAnswersDto,
    @CurrentPrincipal() user: UserPrincipal,
  ): Promise<CalibrationSheetResponse> {
    return CalibrationSheetResponse.from(await this.submitCalibrationAnswers.execute(user, id, recordingId, dto.answers));
  }

  @Put(':id/recordings/:recordingId/reference')
  @Roles(...CALIBRATORS)
  @ApiOkResponse({ type: CalibrationSheetResponse, description: 'The lead’s reference answer; allowed until the session closes' })
  @ApiConflictResponse({ description: 'The session is closed' })
  async setReference(
    @IdParam() id: string,
    @IdParam('recordingId') recordingId: string,
    @Body() dto: CalibrationAnswersDto,
    @CurrentPrincipal() user: UserPrincipal,
  ): Promise<CalibrationSheetResponse> {
    return CalibrationSheetResponse.from(await this.setCalibrationReference.execute(user, id, recordingId, dto.answers));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...CALIBRATORS)
  @ApiOkResponse({
    type: CalibrationSessionResponse,
    description: 'The lead or an admin closes at any time, before the deadline too; unanswered calls are missing values',
  })
  @ApiConflictResponse({ description: 'Already closed' })
  async close(@IdParam() id: string, @CurrentPrincipal() user: UserPrincipal): Promise<CalibrationSessionResponse> {
    return CalibrationSessionResponse.from(await this.closeSession.execute(user, id));
  }

  @Get(':id/results')
  @Roles(...READERS)
  @ApiOkResponse({ type: CalibrationResultsResponse })
  @ApiConflictResponse({ description: 'The session is still open' })
  async results(@IdParam() id: string, @CurrentPrincipal() user: UserPrincipal): Promise<CalibrationResultsResponse> {
    return CalibrationResultsResponse.from(await this.calibration.results(user, id));
  }

  /** Agreement per criterion as a bar chart (SVG), weakest first: where the reviewers need to talk. */
  @Get(':id/results/chart')
  @Roles(...READERS)
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'An SVG bar chart' })
  @ApiConflictResponse({ description: 'The session is still open' })
  async resultsChart(@IdParam() id: string, @CurrentPrincipal() user: UserPrincipal): Promise<string> {
    const { title, report } = await this.calibration.results(user, id);
    const alpha = report.reliability.alpha;
    return barChart({
      title: `${title}: agreement per criterion (Krippendorff's alpha ${alpha === null ? 'n/a' : alpha.toFixed(2)})`,
      max: 1,
      warnBelow: 0.8,
      format: (v) => `${Math.round(v * 100)} %`,
      bars: report.criteria
        .filter((c) => c.agreement !== null)
        .sort((a, b) => a.agreement! - b.agreement!)
        .map((c) => ({ label: c.title, value: c.agreement!, note: `${c.ratings} ratings` })),
    });
  }
}
