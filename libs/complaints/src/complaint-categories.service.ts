import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { MAX_SHORT_TEXT_LENGTH, textProblem } from '@callgrade/complaint-rules';
import { ComplaintCategoryEntity, isUniqueViolation } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { Repository } from 'typeorm';

export interface CategoryInput {
  key?: string;
  labelEn?: string;
  labelZh?: string;
  active?: boolean;
  position?: number;
}

const KEY = /^[a-z][a-z0-9_]{0,49}$/;

/** Complaint categories an admin keeps, each labelled in English and Chinese. Retired, never deleted: complaints keep theirs. */
@Injectable()
export class ComplaintCategoriesService {
  constructor(
    @InjectRepository(ComplaintCategoryEntity) private readonly categories: Repository<ComplaintCategoryEntity>,
    private readonly audit: AuditLog,
  ) {}

  list(includeRetired = false): Promise<ComplaintCategoryEntity[]> {
    return this.categories.find({ where: includeRetired ? {} : { active: true }, order: { position: 'ASC', key: 'ASC' } });
  }

  async create(principal: Principal, input: Required<Pick<CategoryInput, 'key' | 'labelEn' | 'labelZh'>> & CategoryInput): Promise<ComplaintCategoryEntity> {
    this.check(input);
    try {
      const row = this.categories.create({
        key: input.key,
        labelEn: input.labelEn.trim(),
        labelZh: input.labelZh.trim(),
        active: input.active ?? true,
        position: input.position ?? 0,
      });
      await this.categories.insert(row);
      await this.audit.record(principal, {
        action: 'complaint_category.created',
        resourceType: 'complaint_category',
        resourceId: row.id,
        details: { key: row.key },
      });
      return row;
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError(ErrorCode.Conflict, `A category with key ${input.key} already exists`, { key: 'is taken' });
      throw e;
    }
  }

  async update(principal: Principal, id: string, input: Omit<CategoryInput, 'key'>): Promise<ComplaintCategoryEntity> {
    this.check(input);
    const row = await this.categories.findOneBy({ id });
    if (!row) throw DomainError.notFound(`Complaint category ${id}`);
    const change = {
      ...(input.labelEn !== undefined && { labelEn: input.labelEn.trim() }),
      ...(input.labelZh !== undefined && { labelZh: input.labelZh.trim() }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.position !== undefined && { position: input.position }),
    };
    await this.categories.update({ id }, change);
    await this.audit.record(principal, { action: 'complaint_category.updated', resourceType: 'complaint_category', resourceId: id, details: { ...change } });
    return this.categories.findOneByOrFail({ id });
  }

  private check(input: CategoryInput) {
    const errors: Record<string, string> = {};
    if (input.key !== undefined && !KEY.test(input.key)) errors.key = 'must be lower-case letters, digits and underscores, starting with a letter (at most 50)';
    for (const field of ['labelEn', 'labelZh'] as const) {
      const value = input[field];
      if (value === undefined) continue;
      const problem = value.trim().length === 0 ? 'must not be empty' : textProblem(value, MAX_SHORT_TEXT_LENGTH);
      if (problem) errors[field] = problem;
    }
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }
}
