import { defaultScoringSettings } from '@callgrade/scoring';
import { parseScoringSettings } from './scoring-settings.rules';

const paths = (input: unknown) => {
  const parsed = parseScoringSettings(input);
  return parsed.ok ? [] : parsed.issues.map((i) => i.path);
};

describe('parseScoringSettings', () => {
  it('accepts the defaults with company names', () => {
    const settings = { ...defaultScoringSettings(), companyNames: [{ name: 'Northwind', spokenVariants: ['North Wind'] }] };
    expect(parseScoringSettings(settings)).toEqual({ ok: true, settings });
  });

  it('refuses unknown placeholders and stray braces in templates', () => {
    const settings = { ...defaultScoringSettings(), greetingTemplates: ['hello {company}', 'hi {customer}', 'hi {agent'] };
    expect(paths(settings)).toEqual(['greetingTemplates[1]', 'greetingTemplates[2]']);
  });

  it('names each bad field', () => {
    const settings = {
      ...defaultScoringSettings(),
      language: 'fr',
      companyNames: [{ name: ' ', spokenVariants: [''] }, 'Acme'],
      forbiddenPhrases: ['ok', ''],
      requiredDisclosures: [{ id: 'x', phrases: [] }],
      maxSilenceMs: 0,
      maxInterruptions: 1.5,
      matchThreshold: 1.2,
      colour: 'blue',
    };
    expect(paths(settings).sort()).toEqual(
      [
        'colour',
        'language',
        'companyNames[0].name',
        'companyNames[0].spokenVariants[0]',
        'companyNames[1]',
        'forbiddenPhrases[1]',
        'requiredDisclosures[0].phrases',
        'maxSilenceMs',
        'maxInterruptions',
        'matchThreshold',
      ].sort(),
    );
  });

  it('requires every setting', () => {
    const { politePhrases: _p, forbiddenThreshold: _f, ...partial } = defaultScoringSettings();
    expect(paths(partial)).toEqual(['politePhrases', 'forbiddenThreshold']);
  });
});
