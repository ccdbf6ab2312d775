import { bootstrapHttpApp } from '@callgrade/core';
import { WorkerModule } from './worker.module';

// The worker serves only its health endpoint over HTTP, so orchestrators can probe it.
void bootstrapHttpApp(WorkerModule, 'Callgrade worker');
