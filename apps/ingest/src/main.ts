import { bootstrapHttpApp } from '@callgrade/core';
import { IngestModule } from './ingest.module';

void bootstrapHttpApp(IngestModule, 'Callgrade ingest');
