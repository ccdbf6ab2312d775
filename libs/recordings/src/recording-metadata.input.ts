import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallDirection, ChannelLayout } from '@callgrade/database';
import { plainToInstance, Transform } from 'class-transformer';
import { IsEnum, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, validate } from 'class-validator';
import { describeValidationErrors, DomainError, findUnsafeInput } from '@callgrade/http';

const parseTags = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** The metadata that comes with a recording, from a multipart upload or a row of an import CSV. */
export class RecordingMetadataInput {
  @ApiProperty({ description: "The phone system's call id; uploading it again with the same audio is a no-op" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId: string;

  @ApiPropertyOptional({ description: 'Callgrade user id of the agent (or give agentExternalId)' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ description: "The phone system's id for the agent" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  agentExternalId?: string;

  @ApiProperty({ example: '2026-11-28T09:30:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'startedAt must be an ISO 8601 date-time, e.g. 2026-11-28T09:30:00Z' })
  startedAt: string;

  @ApiProperty({ enum: CallDirection })
  @IsEnum(CallDirection, { message: `direction must be one of: ${Object.values(CallDirection).join(', ')}` })
  direction: CallDirection;

  @ApiPropertyOptional({ enum: ChannelLayout, description: 'Default: agent-left for stereo files, mono for mono files' })
  @IsOptional()
  @IsEnum(ChannelLayout, { message: `channelLayout must be one of: ${Object.values(ChannelLayout).join(', ')}` })
  channelLayout?: ChannelLayout;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+()\-\s.#*]{1,40}$/, { message: 'customerNumber must be a phone number' })
  customerNumber?: string;

  @ApiPropertyOptional({ description: 'JSON object of string values, e.g. {"campaign":"renewals"}', type: 'string' })
  @IsOptional()
  @Transform(parseTags)
  @IsObject({ message: 'tags must be a JSON object of string values' })
  tags?: Record<string, string>;
}

const EARLIEST_CALL = Date.UTC(1990, 0, 1);
const ONE_DAY_MS = 24 * 3600 * 1000;
const MAX_TAGS = 50;
const MAX_TAGS_JSON = 8192;

export const RECORDING_METADATA_FIELDS = new Set([
  'externalId',
  'agentId',
  'agentExternalId',
  'startedAt',
  'direction',
  'channelLayout',
  'queue',
  'customerNumber',
  'tags',
]);

/** Validates raw string fields; throws a 422 DomainError naming every bad field. */
export async function parseRecordingMetadata(raw: Record<string, string>): Promise<RecordingMetadataInput> {
  const errors: Record<string, string> = {};
  for (const key of Object.keys(raw)) if (!RECORDING_METADATA_FIELDS.has(key)) errors[key] = 'is not a known field';
  Object.assign(errors, findUnsafeInput(raw));
  const input = plainToInstance(RecordingMetadataInput, raw);
  Object.assign(errors, describeValidationErrors(await validate(input)));
  if (input.tags && typeof input.tags === 'object' && Object.values(input.tags).some((v) => typeof v !== 'string')) {
    errors.tags = 'tags must be a JSON object of string values';
  }
  const startedAt = Date.parse(input.startedAt);
  if (!errors.startedAt && !(startedAt >= EARLIEST_CALL && startedAt <= Date.now() + ONE_DAY_MS)) errors.startedAt = 'must be a date from 1990 up to tomorrow';
  if (!errors.tags && input.tags && (Object.keys(input.tags).length > MAX_TAGS || JSON.stringify(input.tags).length > MAX_TAGS_JSON)) {
    errors.tags = `at most ${MAX_TAGS} tags and ${MAX_TAGS_JSON} characters in all`;
  }
  if (!input.agentId === !input.agentExternalId) errors.agentId = 'give exactly one of agentId or agentExternalId';
  if (Object.keys(errors).length) throw DomainError.validation(errors, 'The recording metadata is invalid');
  return input;
}
