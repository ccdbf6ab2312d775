import { AUTO_CHECK_KINDS } from '../auto-checks/auto-check.types';
import { ValidationIssue } from '../scoring-error';
import { Answers, Criterion, Scorecard } from './scorecard';

function isPositive(n: unknown): boolean {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

function isBlank(s: unknown): boolean {
  return typeof s !== 'string' || s.trim() === '';
}

/** Problems with a scorecard definition, each naming the field path; empty when it is valid. */
export function validateScorecard(scorecard: Scorecard): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (isBlank(scorecard.id)) issue('id', 'must not be empty');
  if (!Number.isInteger(scorecard.version) || scorecard.version < 1) issue('version', 'must be an integer ≥ 1');
  if (scorecard.criticalFailurePolicy !== 'zero_total' && scorecard.criticalFailurePolicy !== 'flag_only') {
    issue('criticalFailurePolicy', 'must be zero_total or flag_only');
  }
  if (!Array.isArray(scorecard.sections) || scorecard.sections.length === 0) {
    issue('sections', 'must have at least one section');
    return issues;
  }
  const sectionIds = new Set<string>();
  const criterionIds = new Set<string>();
  scorecard.sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    if (isBlank(section.id)) issue(`${at}.id`, 'must not be empty');
    else if (sectionIds.has(section.id)) issue(`${at}.id`, `duplicate id "${section.id}"`);
    sectionIds.add(section.id);
    if (!isPositive(section.weight)) issue(`${at}.weight`, 'must be > 0');
    if (!Array.isArray(section.criteria) || section.criteria.length === 0) {
      issue(`${at}.criteria`, 'must have at least one criterion');
      return;
    }
    section.criteria.forEach((criterion, c) => {
      const path = `${at}.criteria[${c}]`;
      if (isBlank(criterion.id)) issue(`${path}.id`, 'must not be empty');
      else if (criterionIds.has(criterion.id)) issue(`${path}.id`, `duplicate id "${criterion.id}"`);
      criterionIds.add(criterion.id);
      validateCriterion(criterion, path, issue);
    });
  });
  return issues;
}

function validateCriterion(criterion: Criterion, path: string, issue: (path: string, message: string) => void): void {
  if (!isPositive(criterion.weight)) issue(`${path}.weight`, 'must be > 0');
  const answerType = criterion.answerType;
  if (answerType?.kind === 'scale') {
    if (!Number.isInteger(answerType.max) || answerType.max < 1) issue(`${path}.answerType.max`, 'must be an integer ≥ 1');
  } else if (answerType?.kind !== 'yes_no') {
    issue(`${path}.answerType.kind`, 'must be yes_no or scale');
  }
  if (criterion.mode === 'auto') {
    if (!criterion.check) issue(`${path}.check`, 'is required for auto criteria');
    else if (!AUTO_CHECK_KINDS.includes(criterion.check.kind)) issue(`${path}.check.kind`, `unknown check "${String(criterion.check.kind)}"`);
  } else if (criterion.mode === 'manual') {
    if (criterion.check) issue(`${path}.check`, 'only auto criteria have a check');
  } else {
    issue(`${path}.mode`, 'must be auto or manual');
  }
}

/** Problems with answers given against a scorecard; unanswered criteria are allowed (pending). */
export function validateAnswers(scorecard: Scorecard, answers: Answers): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const criteria = new Map<string, Criterion>();
  for (const section of scorecard.sections) for (const criterion of section.criteria) criteria.set(criterion.id, criterion);
  for (const [id, answer] of Object.entries(answers)) {
    const path = `answers.${id}`;
    const criterion = criteria.get(id);
    if (!criterion) {
      issues.push({ path, message: 'no such criterion in this scorecard' });
      continue;
    }
    const type = criterion.answerType;
    switch (answer.kind) {
      case 'na':
        if (!criterion.allowNa) issues.push({ path, message: 'N/A is not allowed for this criterion' });
        break;
      case 'yes':
      case 'no':
        if (type.kind !== 'yes_no') issues.push({ path, message: `expected a scale value from 0 to ${type.max}` });
        break;
      case 'scale':
        if (type.kind !== 'scale') issues.push({ path, message: 'expected yes or no' });
        else if (!Number.isInteger(answer.value) || answer.value < 0 || answer.value > type.max) {
          issues.push({ path: `${path}.value`, message: `must be an integer from 0 to ${type.max}` });
        }
        break;
      default:
        issues.push({ path: `${path}.kind`, message: 'must be yes, no, na or scale' });
    }
  }
  return issues;
}
