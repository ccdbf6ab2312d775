import { CompanyName, RequiredDisclosure, ScoringLanguage, ScoringSettings, ValidationIssue } from '@callgrade/scoring';

export type ParsedScoringSettings = { ok: true; settings: ScoringSettings } | { ok: false; issues: ValidationIssue[] };

export const SETTINGS_LIMITS = {
  maxListLength: 500,
  maxTextLength: 500,
  /** Time windows and silences: 1 s to 1 h. */
  minMs: 1_000,
  maxMs: 3_600_000,
  maxInterruptions: 100,
} as const;

const LANGUAGES: readonly ScoringLanguage[] = ['auto', 'en', 'zh'];
const PLACEHOLDERS = ['{company}', '{agent}'];
const PHRASE_LISTS = ['offerHelpPhrases', 'closingOfferHelpPhrases', 'thanksPhrases', 'forbiddenPhrases', 'politePhrases'] as const;
const TEMPLATE_LISTS = ['greetingTemplates', 'closingTemplates'] as const;
const DURATIONS = ['maxSilenceMs', 'greetingWindowMs', 'offerHelpWindowMs', 'closingWindowMs'] as const;
const THRESHOLDS = ['matchThreshold', 'forbiddenThreshold'] as const;
const KNOWN_FIELDS: readonly (keyof ScoringSettings)[] = [
  'language',
  'companyNames',
  ...TEMPLATE_LISTS,
  ...PHRASE_LISTS,
  'requiredDisclosures',
  ...DURATIONS,
  'maxInterruptions',
  ...THRESHOLDS,
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a complete set of company scoring settings and returns it with only the known fields, or the
 * problems, each named by its path ("companyNames[0].name", "greetingTemplates[2]", "matchThreshold").
 */
export function parseScoringSettings(input: unknown): ParsedScoringSettings {
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', message: 'must be an object' }] };
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.includes(key as keyof ScoringSettings)) issue(key, 'is not a scoring setting');
  }
  if (!LANGUAGES.includes(input.language as ScoringLanguage)) issue('language', `must be one of: ${LANGUAGES.join(', ')}`);
  checkCompanyNames(input.companyNames, issue);
  for (const field of TEMPLATE_LISTS) {
    checkTexts(input[field], field, issue, (text, path) => {
      const unknown = text.match(/\{[^{}]*\}/g)?.filter((p) => !PLACEHOLDERS.includes(p)) ?? [];
      if (unknown.length > 0) issue(path, `unknown placeholder ${unknown.join(', ')}; use ${PLACEHOLDERS.join(' or ')}`);
      else if (/[{}]/.test(PLACEHOLDERS.reduce((t, p) => t.split(p).join(''), text))) issue(path, 'has an unmatched { or }');
    });
  }
  for (const field of PHRASE_LISTS) checkTexts(input[field], field, issue);
  checkDisclosures(input.requiredDisclosures, issue);
  for (const field of DURATIONS) {
    if (!isIntegerIn(input[field], SETTINGS_LIMITS.minMs, SETTINGS_LIMITS.maxMs))
      issue(field, `must be a whole number of milliseconds from ${SETTINGS_LIMITS.minMs} to ${SETTINGS_LIMITS.maxMs}`);
  }
  if (!isIntegerIn(input.maxInterruptions, 0, SETTINGS_LIMITS.maxInterruptions))
    issue('maxInterruptions', `must be a whole number from 0 to ${SETTINGS_LIMITS.maxInterruptions}`);
  for (const field of THRESHOLDS) {
    const v = input[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1) issue(field, 'must be a number greater than 0 and at most 1');
  }
  if (issues.length > 0) return { ok: false, issues };

  const settings = {} as Record<string, unknown>;
  for (const key of KNOWN_FIELDS) settings[key] = input[key];
  return { ok: true, settings: settings as unknown as ScoringSettings };
}

function isIntegerIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** A list of non-empty strings; `each` adds checks per string. */
function checkTexts(value: unknown, path: string, issue: (path: string, message: string) => void, each?: (text: string, path: string) => void): void {
  if (!Array.isArray(value)) {
    issue(path, 'must be an array of strings');
    return;
  }
  if (value.length > SETTINGS_LIMITS.maxListLength) issue(path, `must have at most ${SETTINGS_LIMITS.maxListLength} entries`);
  value.forEach((text: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof text !== 'string' || text.trim() === '') issue(at, 'must be a non-empty string');
    else if (text.length > SETTINGS_LIMITS.maxTextLength) issue(at, `must be at most ${SETTINGS_LIMITS.maxTextLength} characters`);
    else each?.(text, at);
  });
}

function checkCompanyNames(value: unknown, issue: (path: string, message: string) => void): void {
  if (!Array.isArray(value)) {
    issue('companyNames', 'must be an array of { name, spokenVariants }');
    return;
  }
  const seen = new Set<string>();
  value.forEach((company: unknown, i) => {
    const at = `companyNames[${i}]`;
    if (!isRecord(company)) {
      issue(at, 'must be an object { name, spokenVariants }');
      return;
    }
    for (const key of Object.keys(company)) if (key !== 'name' && key !== 'spokenVariants') issue(`${at}.${key}`, 'is not a company name field');
    const { name } = company as Partial<CompanyName>;
    if (typeof name !== 'string' || name.trim() === '') issue(`${at}.name`, 'must be a non-empty string');
    else if (seen.has(name.trim().toLowerCase())) issue(`${at}.name`, `duplicate name "${name}"`);
    else seen.add(name.trim().toLowerCase());
    checkTexts(company.spokenVariants, `${at}.spokenVariants`, issue);
  });
}

function checkDisclosures(value: unknown, issue: (path: string, message: string) => void): void {
  if (!Array.isArray(value)) {
    issue('requiredDisclosures', 'must be an array of { id, phrases, withinMs? }');
    return;
  }
  const ids = new Set<string>();
  value.forEach((disclosure: unknown, i) => {
    const at = `requiredDisclosures[${i}]`;
    if (!isRecord(disclosure)) {
      issue(at, 'must be an object { id, phrases, withinMs? }');
      return;
    }
    for (const key of Object.keys(disclosure)) if (!['id', 'phrases', 'withinMs'].includes(key)) issue(`${at}.${key}`, 'is not a disclosure field');
    const { id, withinMs, phrases } = disclosure as Partial<RequiredDisclosure>;
    if (typeof id !== 'string' || id.trim() === '') issue(`${at}.id`, 'must be a non-empty string');
    else if (ids.has(id)) issue(`${at}.id`, `duplicate id "${id}"`);
    else ids.add(id);
    checkTexts(phrases, `${at}.phrases`, issue);
    if (Array.isArray(phrases) && phrases.length === 0) issue(`${at}.phrases`, 'must have at least one phrase');
    if (withinMs !== undefined && !isIntegerIn(withinMs, SETTINGS_LIMITS.minMs, SETTINGS_LIMITS.maxMs)) {
      issue(`${at}.withinMs`, `must be a whole number of milliseconds from ${SETTINGS_LIMITS.minMs} to ${SETTINGS_LIMITS.maxMs}`);
    }
  });
}
