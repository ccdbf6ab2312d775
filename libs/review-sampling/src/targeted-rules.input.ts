import { TargetedRule, TargetedRuleKind, targetedRuleIssues } from '@callgrade/sampling';

/** The sampler keeps one bit per rule in a 32-bit mask. */
export const MAX_TARGETED_RULES = 32;
const MAX_RULE_ID_LENGTH = 64;

export type TargetedRulesInput = { ok: true; rules: TargetedRule[] } | { ok: false; errors: Record<string, string> };

/** Fields each kind of rule may have besides `id`, `kind` and `maxPerAgent`. */
const KIND_FIELDS: Record<TargetedRuleKind, readonly string[]> = {
  auto_score_below: ['threshold'],
  critical_auto_failure: [],
  linked_complaint: [],
  low_csat: ['threshold'],
  long_call: ['minDurationSec', 'percentileOfAgent'],
};
const KINDS = Object.keys(KIND_FIELDS) as TargetedRuleKind[];

/** Where a threshold makes sense: auto-scores are percents, CSAT is 1-5. */
const THRESHOLD_RANGE: Partial<Record<TargetedRuleKind, [number, number]>> = {
  auto_score_below: [0, 100],
  low_csat: [1, 5],
};

/**
 * Turns a request's `targetedRules` into the sampling lib's rules, keeping only their known fields, or
 * explains every problem by field path (`targetedRules[1].threshold`). The shape and the ranges that
 * make sense for this product are checked here; each rule is then checked by the sampling lib's own
 * rule validator, which stays the authority on what it accepts and names the field at fault.
 */
export function parseTargetedRules(input: unknown, field = 'targetedRules'): TargetedRulesInput {
  if (!Array.isArray(input)) return { ok: false, errors: { [field]: 'must be an array of rules' } };
  if (input.length > MAX_TARGETED_RULES) return { ok: false, errors: { [field]: `must have at most ${MAX_TARGETED_RULES} rules` } };
  const errors: Record<string, string> = {};
  const rules: TargetedRule[] = [];
  const firstWithId = new Map<string, number>();
  input.forEach((raw, i) => {
    const path = `${field}[${i}]`;
    const parsed = parseRule(raw, path, errors);
    if (!parsed) return;
    const issues = targetedRuleIssues(parsed);
    if (issues.length > 0) {
      for (const { field, problem } of issues) errors[field ? `${path}.${field}` : path] ??= problem;
      return;
    }
    const earlier = firstWithId.get(parsed.id);
    if (earlier !== undefined) {
      errors[`${path}.id`] = `"${parsed.id}" is already the id of ${field}[${earlier}]; rule ids must be unique in a plan`;
      return;
    }
    firstWithId.set(parsed.id, i);
    rules.push(parsed);
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rules };
}

function parseRule(raw: unknown, path: string, errors: Record<string, string>): TargetedRule | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors[path] = 'must be an object with id and kind';
    return null;
  }
  const rule = raw as Record<string, unknown>;
  const before = Object.keys(errors).length;
  const problem = (key: string, text: string) => (errors[key === '' ? path : `${path}.${key}`] = text);

  if (typeof rule.id !== 'string' || rule.id.trim() === '') problem('id', 'must be a non-empty string');
  else if (rule.id.length > MAX_RULE_ID_LENGTH) problem('id', `must be at most ${MAX_RULE_ID_LENGTH} characters`);
  if (typeof rule.kind !== 'string' || !KINDS.includes(rule.kind as TargetedRuleKind)) {
    problem('kind', `must be one of: ${KINDS.join(', ')}`);
    return null;
  }
  const kind = rule.kind as TargetedRuleKind;
  const allowed = new Set(['id', 'kind', 'maxPerAgent', ...KIND_FIELDS[kind]]);
  for (const key of Object.keys(rule)) if (!allowed.has(key)) problem(key, `is not a field of a ${kind} rule`);

  if (rule.maxPerAgent !== undefined && !(Number.isInteger(rule.maxPerAgent) && (rule.maxPerAgent as number) >= 0)) {
    problem('maxPerAgent', 'must be a whole number, 0 or more');
  }
  const range = THRESHOLD_RANGE[kind];
  if (range) {
    const threshold = rule.threshold;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) problem('threshold', 'must be a number');
    else if (threshold < range[0] || threshold > range[1]) problem('threshold', `must be between ${range[0]} and ${range[1]}`);
  }
  if (kind === 'long_call') {
    const hasMin = rule.minDurationSec !== undefined;
    const hasPercentile = rule.percentileOfAgent !== undefined;
    if (hasMin === hasPercentile) problem('', 'a long_call rule needs exactly one of minDurationSec or percentileOfAgent');
    if (hasMin && (typeof rule.minDurationSec !== 'number' || !Number.isFinite(rule.minDurationSec) || rule.minDurationSec < 0)) {
      problem('minDurationSec', 'must be a number of seconds, 0 or more');
    }
    if (hasPercentile && (typeof rule.percentileOfAgent !== 'number' || !(rule.percentileOfAgent > 0 && rule.percentileOfAgent < 100))) {
      problem('percentileOfAgent', 'must be a number between 0 and 100 (exclusive)');
    }
  }
  if (Object.keys(errors).length > before) return null;

  // Only known fields go on, in a fixed order, so the stored JSON is the same whatever the client sent.
  const copy: Record<string, unknown> = { id: (rule.id as string).trim(), kind };
  for (const key of KIND_FIELDS[kind]) if (rule[key] !== undefined) copy[key] = rule[key];
  if (rule.maxPerAgent !== undefined) copy.maxPerAgent = rule.maxPerAgent;
  return copy as unknown as TargetedRule;
}
