import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LoginService, UsersService } from '@callgrade/accounts';
import { ALL_USER_ROLES } from '@callgrade/database';
import { CurrentPrincipal, Public, Roles, UserPrincipal } from '@callgrade/auth';
import { UserResponse } from '../users/dto/user.response';
import { LoginDto } from './dto/login.dto';
import { LoginThrottleGuard } from './login-throttle';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LoginThrottleGuard)
  @HttpCode(200)
  @ApiOkResponse({ description: '`{accessToken, user}`' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or from this address; `Retry-After` says when to try again' })
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
