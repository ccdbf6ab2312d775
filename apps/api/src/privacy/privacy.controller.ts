import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { AUDIT_READER_ROLES, UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import {
  EraseCustomerData,
  ErasureReport,
  LegalHolds,
  LegalHoldView,
  PurgeLogQueries,
  RetentionSettingsService,
  RetentionSettingsView,
} from '@callgrade/privacy';
import { ErasureDto, LegalHoldDto, ListPurgeLogQuery, RetentionSettingsDto } from './dto/privacy.dto';

/** How long data is kept, and how it goes: retention settings, legal holds, the purge log, customer erasure. */
@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly settings: RetentionSettingsService,
    private readonly holds: LegalHolds,
    private readonly erasure: EraseCustomerData,
    private readonly purgeLog: PurgeLogQueries,
  ) {}

  @Get('settings/retention')
  @Roles(...AUDIT_READER_ROLES)
  current(): Promise<RetentionSettingsView> {
    return this.settings.current();
  }

  @Get('settings/retention/history')
  @Roles(...AUDIT_READER_ROLES)
  history(): Promise<RetentionSettingsView[]> {
    return this.settings.history();
  }

  @Put('settings/retention')
  @Roles(UserRole.Admin)
  update(@Body() dto: RetentionSettingsDto, @CurrentPrincipal() admin: Principal): Promise<RetentionSettingsView> {
    return this.settings.update({ audioDays: dto.audioDays, transcriptDays: dto.transcriptDays, scoreDays: dto.scoreDays }, admin);
  }

  @Put('recordings/:id/legal-hold')
  @Roles(UserRole.Admin)
  hold(@IdParam() id: string, @Body() dto: LegalHoldDto, @CurrentPrincipal() admin: Principal): Promise<LegalHoldView> {
    return this.holds.set(id, dto.reason, admin);
  }

  @Delete('recordings/:id/legal-hold')
  @Roles(UserRole.Admin)
  release(@IdParam() id: string, @CurrentPrincipal() admin: Principal): Promise<LegalHoldView> {
    return this.holds.clear(id, admin);
  }

  @Post('privacy/erasures')
  @Roles(UserRole.Admin)
  @HttpCode(200)
  erase(@Body() dto: ErasureDto, @CurrentPrincipal() admin: Principal): Promise<ErasureReport> {
    return this.erasure.execute(dto.customerNumber, admin);
  }

  @Get('privacy/erasures/:id')
  @Roles(...AUDIT_READER_ROLES)
  erasureReport(@IdParam() id: string): Promise<ErasureReport> {
    return this.erasure.report(id);
  }

  @Get('privacy/purge-log')
  @Roles(...AUDIT_READER_ROLES)
  async purges(@Query() query: ListPurgeLogQuery) {
    const { items, total } = await this.purgeLog.page(
      {
        recordingId: query.recordingId,
        runId: query.runId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      query.page,
      query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
