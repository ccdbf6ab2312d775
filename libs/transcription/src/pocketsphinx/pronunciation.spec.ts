import { pronounce as sut } from './pronunciation';
import { parseDictionary } from './pronouncing-dictionary';

const dictionary = parseDictionary(
  ['north N AO R TH', 'wind W AY N D', 'wind(2) W IH N D', 'bank B AE NG K', 'pri P R AY', 'ya Y AA', 'call K AO L'].join('\n'),
);

describe('pronounce', () => {
  it('returns the dictionary pronunciations of a known word', () => {
    expect(sut('wind', dictionary)).toEqual(['W AY N D', 'W IH N D']);
  });

  it('composes a compound from dictionary words with every variant of its pieces', () => {
    expect(sut('northwind', dictionary)).toEqual(['N AO R TH W AY N D', 'N AO R TH W IH N D']);
  });

  it('spells a name by rule rather than from short, misleading dictionary pieces', () => {
    expect(sut('priya', dictionary)).toEqual(['P R IY Y AH']);
  });

  it('spells the letters around a dictionary piece by rule', () => {
    expect(sut('bankly', dictionary)).toEqual(['B AE NG K L IY']);
  });
});
