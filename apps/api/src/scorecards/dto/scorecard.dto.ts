import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

const DEFINITION_DOC = {
  type: 'object',
  additionalProperties: true,
  description:
    'The scorecard: { title?, criticalFailurePolicy: "zero_total" | "flag_only", sections: [{ id, title, weight, criteria: [{ id, title, weight, mode: "auto" | "manual", ' +
    'answerType: { kind: "yes_no" } | { kind: "scale", max }, allowNa, critical, check? }] }] }. `id` and `version` are set by the server; ' +
    'problems come back as 422 with paths such as `definition.sections[1].criteria[0].weight`.',
} as const;

export class CreateScorecardDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty(DEFINITION_DOC)
  @IsObject()
  definition: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Make it the scorecard auto-scoring applies' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateScorecardDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, description: 'null clears it' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    ...DEFINITION_DOC,
    description: `${DEFINITION_DOC.description} Edits the latest version in place until it has scored a call; after that, adds a version.`,
  })
  @IsOptional()
  @IsObject()
  definition?: Record<string, unknown>;
}
