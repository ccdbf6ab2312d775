import { parseDictionary } from './pronouncing-dictionary';
import { planVocabulary as sut, vocabularyWords } from './vocabulary-plan';

const dictionary = parseDictionary('north N AO R TH\nwind W AY N D\nwind(2) W IH N D\nbank B AE NG K\nzyman Z AY M AH N\n');
const languageModelWords = new Set(['north', 'wind', 'bank']);

describe('planVocabulary', () => {
  it('adds dictionary entries and keywords only for words the language model lacks', () => {
    const plan = sut(['Northwind Bank', 'Priya'], dictionary, languageModelWords);

    expect([...plan.additions.keys()]).toEqual(['northwind', 'priya']);
    expect(plan.keywords).toEqual([
      { word: 'northwind', phoneCount: 8 },
      { word: 'northwind(2)', phoneCount: 8 },
      { word: 'priya', phoneCount: 5 },
    ]);
  });

  it('spots a dictionary word the language model cannot produce without adding it again', () => {
    const plan = sut(['Zyman'], dictionary, languageModelWords);

    expect(plan.additions.size).toBe(0);
    expect(plan.keywords).toEqual([{ word: 'zyman', phoneCount: 5 }]);
  });

  it('spots every vocabulary word when the language model vocabulary is unknown', () => {
    expect(sut(['Bank'], dictionary, undefined).keywords).toEqual([{ word: 'bank', phoneCount: 4 }]);
  });
});

describe('vocabularyWords', () => {
  it('splits names into lower-case words once each', () => {
    expect(vocabularyWords(['Mary-Jane', "O'Neil Bank", 'bank', 'A'])).toEqual(['mary', 'jane', "o'neil", 'bank']);
  });
});
