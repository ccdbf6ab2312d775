import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@callgrade/auth';
import { barChart } from '@callgrade/charts';
import { UserRole } from '@callgrade/database';
import { AutoAgreementReportQuery } from '@callgrade/evaluations';
import { PeriodQuery, reportPeriod } from './report-period';

@ApiTags('reports')
@Controller('reports')
export class AutoAgreementController {
  constructor(private readonly report: AutoAgreementReportQuery) {}

  /** Per auto criterion: how often reviewers agreed with the machine over evaluations submitted in the period. */
  @Get('auto-agreement')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer)
  autoAgreement(@Query() query: PeriodQuery) {
    return this.report.execute(...reportPeriod(query));
  }

  /** The same as a bar chart (SVG), least trusted checks on top; under 80 % in red. */
  @Get('auto-agreement/chart')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer)
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'An SVG bar chart' })
  async autoAgreementChart(@Query() query: PeriodQuery): Promise<string> {
    const [from, to] = reportPeriod(query);
    const report = await this.report.execute(from, to);
    return barChart({
      title: `Reviewers agreeing with automatic checks, ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}`,
      max: 1,
      warnBelow: 0.8,
      format: (v) => `${Math.round(v * 100)} %`,
      bars: report.criteria.map((c) => ({ label: c.title ?? c.criterionId, value: c.agreementRate, note: `${c.agreed} of ${c.answered}` })),
    });
  }
}
