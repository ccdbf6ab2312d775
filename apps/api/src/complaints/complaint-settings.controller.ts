import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { COMPLAINT_READERS, ComplaintSettingsService } from '@callgrade/complaints';
import { ComplaintSettingsDto } from './dto/complaint.dto';

@ApiTags('complaints')
@Controller('complaint-settings')
export class ComplaintSettingsController {
  constructor(private readonly settings: ComplaintSettingsService) {}

  @Get()
  @Roles(...COMPLAINT_READERS)
  current() {
    return this.settings.current();
  }

  /** Replaces the settings; deadlines already set on complaints stand. */
  @Put()
  @Roles(UserRole.Admin)
  replace(@CurrentPrincipal() principal: Principal, @Body() dto: ComplaintSettingsDto) {
    return this.settings.replace(principal, dto);
  }
}
