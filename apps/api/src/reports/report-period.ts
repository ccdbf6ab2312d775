import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';
import { DomainError } from '@callgrade/http';

const DAY_MS = 24 * 3600 * 1000;

/** The period a report covers: `from` (default 30 days before `to`) up to `to` (exclusive, default now). */
export class PeriodQuery {
  @ApiPropertyOptional({ description: 'ISO 8601; default 30 days before `to`' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, exclusive; default now' }) @IsOptional() @IsDateString() to?: string;
}

/** The period as dates; 422 on `from` when it is not before `to`, or longer than `maxDays`. */
export function reportPeriod(query: PeriodQuery, maxDays = Infinity): [Date, Date] {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw DomainError.validation({ from: 'must be before to' });
  if (to.getTime() - from.getTime() > maxDays * DAY_MS) throw DomainError.validation({ from: `the period is at most ${maxDays} days` });
  return [from, to];
}
