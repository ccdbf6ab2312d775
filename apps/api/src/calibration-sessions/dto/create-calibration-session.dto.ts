import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_CALIBRATION_RECORDINGS, MAX_CALIBRATION_REVIEWERS } from '@callgrade/calibration';

export class CreateCalibrationSessionDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_CALIBRATION_RECORDINGS,
    description: 'The calls to score, in the order reviewers see them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CALIBRATION_RECORDINGS)
  @ArrayUnique({ message: 'recordingIds must not repeat a recording' })
  @IsUUID('all', { each: true })
  recordingIds: string[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_CALIBRATION_REVIEWERS,
    description: 'Active QA supervisors or admins; the lead (the caller) takes part only if listed',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CALIBRATION_REVIEWERS)
  @ArrayUnique({ message: 'reviewerIds must not repeat a reviewer' })
  @IsUUID('all', { each: true })
  reviewerIds: string[];

  @ApiProperty({ format: 'date-time', description: 'Reviewers can hand in answers until then; must be in the future' })
  @IsISO8601({ strict: true })
  deadline: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the default scorecard's latest version" })
  @IsOptional()
  @IsUUID()
  scorecardVersionId?: string;
}
