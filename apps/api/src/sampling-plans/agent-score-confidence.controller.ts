import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@callgrade/auth';
import { intervalChart } from '@callgrade/charts';
import { UserRole } from '@callgrade/database';
import { AgentScoreConfidenceReport, AgentScoreStatisticsQuery } from '@callgrade/review-sampling';
import { AgentScoreConfidenceQueryDto } from './dto/agent-score-confidence.query';

@ApiTags('reports')
@Controller('reports')
export class AgentScoreConfidenceController {
  constructor(private readonly statistics: AgentScoreStatisticsQuery) {}

  /**
   * Per agent: mean QA score of the submitted evaluations with its confidence interval, and how many more
   * evaluations would narrow it to ±margin; to decide how much to sample.
   */
  @Get('agent-score-confidence')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer)
  async agentScoreConfidence(@Query() query: AgentScoreConfidenceQueryDto): Promise<AgentScoreConfidenceReport> {
    return this.report(query);
  }

  /** The same as a chart (SVG): each agent's mean with its interval, and what it would take to narrow it. */
  @Get('agent-score-confidence/chart')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer)
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'An SVG interval chart' })
  async agentScoreConfidenceChart(@Query() query: AgentScoreConfidenceQueryDto): Promise<string> {
    const report = await this.report(query);
    return intervalChart({
      title: `Mean QA score per agent, ${Math.round(report.confidence * 100)} % confidence interval`,
      min: 0,
      max: 100,
      format: (v) => v.toFixed(1),
      rows: report.agents.map((a) => ({ label: a.agentName, mean: a.mean, low: a.interval?.low, high: a.interval?.high, note: a.note })),
    });
  }

  private report(query: AgentScoreConfidenceQueryDto): Promise<AgentScoreConfidenceReport> {
    return this.statistics.execute({
      margin: query.margin,
      confidence: query.confidence,
      teamId: query.teamId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
  }
}
