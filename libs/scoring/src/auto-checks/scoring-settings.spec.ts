import { defaultScorecard } from '../scorecard/default-scorecard';
import { defaultScoringSettings, settingsToConfigure } from './scoring-settings';

describe('a first run', () => {
  it('is told, in English and Chinese, to set the company names', () => {
    const [missing, ...rest] = settingsToConfigure(defaultScoringSettings());

    expect(rest).toEqual([]);
    expect(missing.field).toBe('companyNames');
    expect(missing.message).toMatch(/company name/);
    expect(missing.messageZh).toMatch(/公司名称/);
  });

  it('has nothing left to configure once a company name is set', () => {
    expect(settingsToConfigure({ ...defaultScoringSettings(), companyNames: [{ name: 'Northwind', spokenVariants: [] }] })).toEqual([]);
  });

  it('gets a default scorecard whose recording disclosure does not zero a call that lacks it', () => {
    const criteria = defaultScorecard().sections.flatMap((s) => s.criteria);

    expect(criteria.find((c) => c.id === 'required_disclosure')).toMatchObject({ critical: false });
    expect(
      criteria
        .filter((c) => c.critical)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['no_card_data_read_back', 'no_forbidden_phrases']);
  });
});
