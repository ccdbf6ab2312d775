import { bootstrapHttpApp } from '@callgrade/core';
import { ApiModule } from './api.module';

void bootstrapHttpApp(ApiModule, 'Callgrade API');
