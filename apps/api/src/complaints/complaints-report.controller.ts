import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { Roles } from '@callgrade/auth';
import { barChart } from '@callgrade/charts';
import { complaintReportCsv } from '@callgrade/complaint-rules';
import { ComplaintReportQuery } from '@callgrade/complaints';
import { UserRole } from '@callgrade/database';
import { DomainError } from '@callgrade/http';

const DAY_MS = 24 * 3600 * 1000;
const REPORT_READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam, UserRole.Trainer];

class ComplaintReportParams {
  @ApiPropertyOptional({ description: 'ISO 8601; default 30 days before `to`' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, exclusive; default now' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'or send Accept: text/csv' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

function period(query: ComplaintReportParams): [Date, Date] {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw DomainError.validation({ from: 'must be before to' });
  if (to.getTime() - from.getTime() > 400 * DAY_MS) throw DomainError.validation({ from: 'the period is at most 400 days' });
  return [from, to];
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
    const [from, to] = period(query);
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
    const [from, to] = period(query);
    const report = await this.report.execute(from, to);
    return barChart({
      title: `Complaints by category 投诉类别, ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}`,
      max: Math.max(1, ...report.byCategory.map((c) => c.count)),
      bars: report.byCategory.map((c) => ({ label: `${c.labelEn} ${c.labelZh}`, value: c.count, note: `${Math.round((c.count / Math.max(report.total, 1)) * 100)} %` })),
    });
  }
}
