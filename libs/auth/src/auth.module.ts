import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@callgrade/config';
import { AuthenticationGuard } from './authentication.guard';
import { AuthorizationGuard } from './authorization.guard';
import { CredentialsService } from './credentials.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresIn as `${number}h` },
      }),
    }),
  ],
  providers: [CredentialsService, { provide: APP_GUARD, useClass: AuthenticationGuard }, { provide: APP_GUARD, useClass: AuthorizationGuard }],
  exports: [CredentialsService],
})
export class AuthModule {}
