import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CredentialsService, hashPassword, needsRehash, verifyPassword } from '@callgrade/auth';
import { AppConfig } from '@callgrade/config';
import { UserEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { Repository } from 'typeorm';

@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly credentials: CredentialsService,
    private readonly config: AppConfig,
  ) {}

  private dummyHash?: Promise<string>;

  /** Verifying against a hash of the current cost when the user is unknown keeps response times from revealing which emails exist. */
  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= hashPassword('no such user', this.config.passwordHashParams);
    return this.dummyHash;
  }

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    const user = await this.users.findOne({
      where: { email: email.toLowerCase() },
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        externalId: true,
        teamId: true,
        active: true,
        createdAt: true,
        updatedAt: true,
        passwordHash: true,
      },
    });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.unknownUserHash()));
    if (!user || !ok || !user.active) throw new DomainError(ErrorCode.InvalidCredentials, 'Email or password is wrong, or the account is deactivated');
    const params = this.config.passwordHashParams;
    if (needsRehash(user.passwordHash, params)) {
      // The password is at hand only now: bring its hash up to the current cost, transparently.
      await this.users.update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash: await hashPassword(password, params) });
    }
    const { passwordHash: _, ...publicUser } = user;
    return { accessToken: await this.credentials.issueAccessToken(user), user: publicUser as UserEntity };
  }
}
