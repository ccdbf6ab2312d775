import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserPrincipal } from '@callgrade/auth';
import { UserEntity, UserRole } from '@callgrade/database';
import { UPLOADER_ROLES } from '@callgrade/recordings';
import { Repository } from 'typeorm';
import { UsageError } from './usage-error';

/** Finds the user an import is recorded as uploaded by. */
@Injectable()
export class ImportUploader {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The user with this email, or when none is given the first admin; either must be allowed to upload. */
  async resolve(email?: string): Promise<UserPrincipal> {
    const user = email
      ? await this.users.findOne({ where: { email: email.toLowerCase() } })
      : await this.users.findOne({ where: { role: UserRole.Admin, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!user) {
      throw new UsageError(
        email
          ? `--as: no user has the email ${email}`
          : 'There is no active admin to import as: start the platform once (it creates one), or pass --as <email>',
      );
    }
    if (!(UPLOADER_ROLES as readonly UserRole[]).includes(user.role))
      throw new UsageError(`--as: ${user.email} is ${user.role}; only an admin or a qa_supervisor can import recordings`);
    if (!user.active) throw new UsageError(`--as: ${user.email} is deactivated`);
    return { kind: 'user', id: user.id, email: user.email, role: user.role, teamId: user.teamId };
  }
}
