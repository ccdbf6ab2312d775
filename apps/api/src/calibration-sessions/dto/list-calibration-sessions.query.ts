import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { CalibrationStatus } from '@callgrade/database';
import { PageQuery } from '../../pagination.query';

const STATUSES: CalibrationStatus[] = ['open', 'closed'];

export class ListCalibrationSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: CalibrationStatus;
}
