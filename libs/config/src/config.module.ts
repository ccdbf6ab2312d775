import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.service';
import { Environment, validateEnvironment } from './environment';

/** Validated when the app is created (not when this file is loaded), so tests can supply their own. */
@Global()
@Module({
  providers: [{ provide: Environment, useFactory: () => validateEnvironment(process.env) }, AppConfig],
  exports: [AppConfig],
})
export class ConfigModule {}
