import { Module } from '@nestjs/common';
import { ApiModule } from '../../api/src/api.module';
import { IngestModule } from '../../ingest/src/ingest.module';
import { WorkerModule } from '../../worker/src/worker.module';

/** The whole platform in one process, for one machine: `npm start`. */
@Module({ imports: [ApiModule, IngestModule, WorkerModule] })
export class PlatformModule {}
