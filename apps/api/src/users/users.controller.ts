import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { IdParam } from '@callgrade/http';
import { ApiTags } from '@nestjs/swagger';
import { UsersService } from '@callgrade/accounts';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles(UserRole.Admin)
  async create(@Body() dto: CreateUserDto, @CurrentPrincipal() admin: Principal): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(dto, admin));
  }

  @Get()
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam)
  async list(@Query() query: ListUsersQuery) {
    const { items, total } = await this.users.list(query);
    return { items: items.map(UserResponse.from), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Roles(UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam)
  async get(@IdParam() id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.get(id));
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  async update(@IdParam() id: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() admin: Principal): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(id, dto, admin));
  }
}
