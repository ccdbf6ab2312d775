import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CredentialsService, verifyPassword } from '@callgrade/auth';
import { UserEntity } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { Repository } from 'typeorm';

// Verifying against a real hash when the user is unknown keeps response times from revealing which emails exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly credentials: CredentialsService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    const user = await this.users.findOne({
      where: { email: email.toLowerCase() },
      select: { id: true, email: true, displayName: true, role: true, externalId: true, teamId: true, active: true, createdAt: true, updatedAt: true, passwordHash: true },
    });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw new DomainError(ErrorCode.InvalidCredentials, 'Email or password is wrong, or the account is deactivated');
    const { passwordHash: _, ...publicUser } = user;
    return { accessToken: await this.credentials.issueAccessToken(user), user: publicUser as UserEntity };
  }
}
