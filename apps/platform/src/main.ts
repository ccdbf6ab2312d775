import { bootstrapHttpApp } from '@callgrade/core';
import { PlatformModule } from './platform.module';

void bootstrapHttpApp(PlatformModule, 'Callgrade');
