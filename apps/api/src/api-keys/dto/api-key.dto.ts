import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiKeyEntity } from '@callgrade/database';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Phone system (Asterisk)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class ApiKeyResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Public part of the key, to recognise it' }) prefix: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true }) lastUsedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) revokedAt: Date | null;

  static from(k: ApiKeyEntity): ApiKeyResponse {
    return { id: k.id, name: k.name, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
  }
}

export class IssuedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'Send as the X-API-Key header. Shown only now: it is stored hashed.' }) key: string;
}
