import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { Roles } from '@callgrade/auth';
import { barChart } from '@callgrade/charts';
import { complaintReportCsv } from '@callgrade/complaint-rules';
import { ComplaintReportQuery } from '@callgrade/complaints';
import { UserRole } from '@callgrade/database';
import { PeriodQuery, reportPeriod } from '../reports/report-period';

const REPORT_READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam, UserRole.Trainer];
/** A year's report, with room for a leap year and a little more. */
const MAX_DAYS = 400;

class ComplaintReportParams extends PeriodQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'or send Accept: text/csv' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

@ApiTags('reports')
@Controller('reports/complaints')
export class ComplaintsReportController {
  constructor(private readonly report: ComplaintReportQuery) {}

  /** JSON, or CSV (`Accept: text/csv` or `?format=csv`) with the same figures, one per row. */
  @Get()
  @Roles(...REPORT_READERS)
  @ApiProduces('application/json', 'text/csv')
  async complaints(@Query() query: ComplaintReportParams, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    const [from, to] = reportPeriod(query, MAX_DAYS);
    const report = await this.report.execute(from, to);
    const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="complaints-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv"`);
    return complaintReportCsv(report);
  }

  /** Complaints by category as an SVG bar chart, labelled in English and Chinese. */
  @Get('chart')
  @Roles(...REPORT_READERS)
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'An SVG bar chart' })
  async chart(@Query() query: ComplaintReportParams): Promise<string> {
    const [from, to] = reportPeriod(query, MAX_DAYS);
    const report = await this.report.execute(from, to);
    return barChart({
      title: `Complaints by category 投诉类别, ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}`,
      max: Math.max(1, ...report.byCategory.map((c) => c.count)),
      bars: report.byCategory.map((c) => ({
        label: `${c.labelEn} ${c.labelZh}`,
        value: c.count,
        note: `${Math.round((c.count / Math.max(report.total, 1)) * 100)} %`,
      })),
    });
  }
}
