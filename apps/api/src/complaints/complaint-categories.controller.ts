import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { CALL_READER_ROLES, UserRole } from '@callgrade/database';
import { ComplaintCategoriesService } from '@callgrade/complaints';
import { IdParam } from '@callgrade/http';
import { CategoryListQuery, CreateCategoryDto, UpdateCategoryDto } from './dto/complaint.dto';

@ApiTags('complaints')
@Controller('complaint-categories')
export class ComplaintCategoriesController {
  constructor(private readonly categories: ComplaintCategoriesService) {}

  @Get()
  @Roles(...CALL_READER_ROLES)
  list(@Query() query: CategoryListQuery) {
    return this.categories.list(query.includeRetired === 'true');
  }

  @Post()
  @Roles(UserRole.Admin)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCategoryDto) {
    return this.categories.create(principal, dto);
  }

  @Patch(':id')
  @Roles(UserRole.Admin)
  update(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Body() dto: UpdateCategoryDto) {
    return this.categories.update(principal, id, dto);
  }
}
