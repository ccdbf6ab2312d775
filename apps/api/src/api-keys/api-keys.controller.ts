import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeysService } from '@callgrade/accounts';
import { CurrentPrincipal, Roles, UserPrincipal } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { ApiKeyResponse, CreateApiKeyDto, IssuedApiKeyResponse } from './dto/api-key.dto';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Roles(UserRole.Admin)
  @ApiCreatedResponse({ type: IssuedApiKeyResponse })
  async issue(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() admin: UserPrincipal): Promise<IssuedApiKeyResponse> {
    const { apiKey, key } = await this.keys.issue(dto.name, admin.id, admin);
    return { ...ApiKeyResponse.from(apiKey), key };
  }

  @Get()
  @Roles(UserRole.Admin)
  async list(): Promise<ApiKeyResponse[]> {
    return (await this.keys.list()).map(ApiKeyResponse.from);
  }

  @Delete(':id')
  @Roles(UserRole.Admin)
  async revoke(@IdParam() id: string, @CurrentPrincipal() admin: UserPrincipal): Promise<ApiKeyResponse> {
    return ApiKeyResponse.from(await this.keys.revoke(id, admin));
  }
}
