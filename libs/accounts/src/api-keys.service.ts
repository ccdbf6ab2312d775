import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { generateApiKey, Principal } from '@callgrade/auth';
import { ApiKeyEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { Repository } from 'typeorm';

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly audit: AuditLog,
  ) {}

  /** The returned `key` is the only time the secret is ever visible. */
  async issue(name: string, createdBy: string, actor?: Principal): Promise<{ apiKey: ApiKeyEntity; key: string }> {
    const generated = generateApiKey();
    const saved = await this.keys.save(this.keys.create({ name, prefix: generated.prefix, secretHash: generated.secretHash, createdBy }));
    if (actor)
      await this.audit.record(actor, { action: 'api_key.issued', resourceType: 'api_key', resourceId: saved.id, details: { name, prefix: generated.prefix } });
    return { apiKey: await this.get(saved.id), key: generated.token };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  async get(id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.findOne({ where: { id } });
    if (!key) throw DomainError.notFound(`API key ${id}`);
    return key;
  }

  async revoke(id: string, actor?: Principal): Promise<ApiKeyEntity> {
    const key = await this.get(id);
    if (!key.revokedAt) {
      await this.keys.update(id, { revokedAt: new Date() });
      if (actor) await this.audit.record(actor, { action: 'api_key.revoked', resourceType: 'api_key', resourceId: id, details: { name: key.name } });
    }
    return this.get(id);
  }
}
