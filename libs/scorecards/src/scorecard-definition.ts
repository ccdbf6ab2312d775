import { Scorecard, validateScorecard, ValidationIssue } from '@callgrade/scoring';

/** What the service stamps into every stored definition, so a definition names the exact version it is. */
export interface DefinitionStamp {
  scorecardId: string;
  version: number;
  /** Used as the title when the definition has none. */
  name: string;
}

export type PreparedDefinition = { ok: true; definition: Scorecard } | { ok: false; issues: ValidationIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/**
 * Turns a definition sent by a client into the stored `Scorecard`: `id` and `version` are the scorecard's
 * own (whatever the client sent), `title` falls back to the scorecard's name. Problems are named by their
 * path inside the definition ("sections[1].criteria[0].weight"), the scoring lib's rules plus the
 * shape checks it leaves to its callers (objects where objects belong, titles, flags).
 */
export function prepareScorecardDefinition(input: unknown, stamp: DefinitionStamp): PreparedDefinition {
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', message: 'must be an object' }] };
  const issues = shapeIssues(input);
  if (issues.length > 0) return { ok: false, issues };
  const definition = { ...input, id: stamp.scorecardId, version: stamp.version, title: input.title ?? stamp.name } as unknown as Scorecard;
  const ruleIssues = [...validateScorecard(definition), ...detailIssues(definition)];
  return ruleIssues.length > 0 ? { ok: false, issues: ruleIssues } : { ok: true, definition };
}

/** Structure `validateScorecard` assumes: sections and criteria are objects. */
function shapeIssues(input: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (input.title !== undefined && isBlank(input.title)) issues.push({ path: 'title', message: 'must be a non-empty string' });
  if (input.sections !== undefined && !Array.isArray(input.sections)) issues.push({ path: 'sections', message: 'must be an array' });
  if (!Array.isArray(input.sections)) return issues;
  input.sections.forEach((section: unknown, s) => {
    if (!isRecord(section)) {
      issues.push({ path: `sections[${s}]`, message: 'must be an object' });
      return;
    }
    if (section.criteria !== undefined && !Array.isArray(section.criteria)) issues.push({ path: `sections[${s}].criteria`, message: 'must be an array' });
    if (!Array.isArray(section.criteria)) return;
    section.criteria.forEach((criterion: unknown, c) => {
      if (!isRecord(criterion)) issues.push({ path: `sections[${s}].criteria[${c}]`, message: 'must be an object' });
    });
  });
  return issues;
}

/** Fields the scoring lib reads but does not check. */
function detailIssues(scorecard: Scorecard): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  scorecard.sections.forEach((section, s) => {
    if (isBlank(section.title)) issues.push({ path: `sections[${s}].title`, message: 'must not be empty' });
    (section.criteria ?? []).forEach((criterion, c) => {
      const path = `sections[${s}].criteria[${c}]`;
      if (isBlank(criterion.title)) issues.push({ path: `${path}.title`, message: 'must not be empty' });
      if (typeof criterion.allowNa !== 'boolean') issues.push({ path: `${path}.allowNa`, message: 'must be true or false' });
      if (typeof criterion.critical !== 'boolean') issues.push({ path: `${path}.critical`, message: 'must be true or false' });
    });
  });
  return issues;
}

/** `{ 'prefix.path': 'problem; problem' }`, the shape of `DomainError.validation`. */
export function issuesToErrors(issues: readonly ValidationIssue[], prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const key = path === '' ? prefix : prefix ? `${prefix}.${path}` : path;
    errors[key] = errors[key] ? `${errors[key]}; ${message}` : message;
  }
  return errors;
}

/** JSON with object keys sorted, so values read back from jsonb compare equal to what was written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
