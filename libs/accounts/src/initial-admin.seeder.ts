import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hashPassword } from '@callgrade/auth';
import { AppConfig } from '@callgrade/config';
import { isUniqueViolation, UserEntity, UserRole } from '@callgrade/database';
import { Repository } from 'typeorm';

/** On first start, creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists. */
@Injectable()
export class InitialAdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(InitialAdminSeeder.name);

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async onApplicationBootstrap() {
    if (await this.users.exists({ where: { role: UserRole.Admin } })) return;
    const { email, password, isDevDefault } = this.config.initialAdmin;
    try {
      await this.users.insert({
        email: email.toLowerCase(),
        displayName: 'Administrator',
        passwordHash: await hashPassword(password, this.config.passwordHashParams),
        role: UserRole.Admin,
      });
    } catch (e) {
      if (isUniqueViolation(e)) return; // another process created it first
      throw e;
    }
    if (isDevDefault) {
      this.logger.warn('*'.repeat(78));
      this.logger.warn(`Created the admin ${email} with the DEVELOPMENT password "admin".`);
      this.logger.warn('Set ADMIN_EMAIL and ADMIN_PASSWORD, or change this password, before real use.');
      this.logger.warn('*'.repeat(78));
    } else {
      this.logger.log(`Created the admin ${email}`);
    }
  }
}
