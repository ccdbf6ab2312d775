import { Module } from '@nestjs/common';
import { EraseCustomerData } from './erase-customer-data.usecase';
import { LegalHolds } from './legal-hold.service';
import { PurgeExpiredRecordings } from './purge-expired-recordings.usecase';
import { PurgeLogQueries } from './purge-log.queries';
import { RecordingPurger } from './recording-purger';
import { RetentionSettingsService } from './retention-settings.service';

/** Retention settings, legal holds, the scheduled purge and customer erasure. */
@Module({
  providers: [RetentionSettingsService, RecordingPurger, PurgeExpiredRecordings, EraseCustomerData, LegalHolds, PurgeLogQueries],
  exports: [RetentionSettingsService, PurgeExpiredRecordings, EraseCustomerData, LegalHolds, PurgeLogQueries],
})
export class PrivacyModule {}
