import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserEntity, UserRole } from '@callgrade/database';

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: UserRole }) role: UserRole;
  @ApiPropertyOptional({ nullable: true }) externalId: string | null;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;

  static from(u: UserEntity): UserResponse {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      externalId: u.externalId,
      teamId: u.teamId,
      active: u.active,
      createdAt: u.createdAt,
    };
  }
}
