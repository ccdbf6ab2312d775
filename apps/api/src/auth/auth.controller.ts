import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LoginService, UsersService } from '@callgrade/accounts';
import { ALL_USER_ROLES } from '@callgrade/database';
import { CurrentPrincipal, Public, Roles, UserPrincipal } from '@callgrade/auth';
import { UserResponse } from '../users/dto/user.response';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: '`{accessToken, user}`' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  async logIn(@Body() dto: LoginDto): Promise<{ accessToken: string; user: UserResponse }> {
    const { accessToken, user } = await this.login.login(dto.email, dto.password);
    return { accessToken, user: UserResponse.from(user) };
  }

  @Get('me')
  @Roles(...ALL_USER_ROLES)
  async me(@CurrentPrincipal() principal: UserPrincipal): Promise<UserResponse> {
    return UserResponse.from(await this.users.get(principal.id));
  }
}
