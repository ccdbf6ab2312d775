import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScorecardDetail, ScorecardSummary, ScorecardVersionView } from '@callgrade/scorecards';

export class ScorecardSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ description: 'The scorecard auto-scoring applies; exactly one is' }) isDefault: boolean;
  @ApiPropertyOptional({ nullable: true }) archivedAt: Date | null;
  @ApiProperty() latestVersion: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(s: ScorecardSummary): ScorecardSummaryResponse {
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      isDefault: s.isDefault,
      archivedAt: s.archivedAt,
      latestVersion: s.latestVersion,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }
}

export class ScorecardVersionResponse {
  @ApiProperty() id: string;
  @ApiProperty() scorecardId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) definition: object;
  @ApiPropertyOptional({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, description: 'When it first scored a call' }) firstUsedAt: Date | null;
  @ApiProperty({ description: 'Used to score, so edits make a new version' }) frozen: boolean;

  static from(v: ScorecardVersionView): ScorecardVersionResponse {
    return {
      id: v.id,
      scorecardId: v.scorecardId,
      version: v.version,
      definition: v.definition,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
      firstUsedAt: v.firstUsedAt,
      frozen: v.frozen,
    };
  }
}

export class ScorecardResponse extends ScorecardSummaryResponse {
  @ApiProperty({ type: [ScorecardVersionResponse], description: 'Newest first' }) versions: ScorecardVersionResponse[];

  static override from(s: ScorecardDetail): ScorecardResponse {
    return { ...ScorecardSummaryResponse.from(s), versions: s.versions.map(ScorecardVersionResponse.from) };
  }
}
