import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { TeamEntity } from '@callgrade/database';
import { ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateTeamDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: [String], description: 'QA supervisors of this team' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  supervisorIds?: string[];
}

export class UpdateTeamDto extends PartialType(CreateTeamDto) {}

export class TeamResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [Object] }) supervisors: { id: string; displayName: string; email: string }[];
  @ApiProperty() createdAt: Date;

  static from(t: TeamEntity): TeamResponse {
    return {
      id: t.id,
      name: t.name,
      supervisors: (t.supervisors ?? []).map((s) => ({ id: s.id, displayName: s.displayName, email: s.email })),
      createdAt: t.createdAt,
    };
  }
}
