import { TranscriptionError } from '../transcription-error';
import { parsePocketsphinxOutput as sut } from './pocketsphinx-output.parser';

// Real stdout of pocketsphinx_continuous -time yes on a flite greeting (voice slt).
const LANGUAGE_MODEL_OUTPUT = `hello this is an earth wind and my name is pre account can i help you today
<s> 0.000 0.130 0.999100
hello(2) 0.140 0.650 0.999400
this 0.660 1.020 0.999300
is 1.030 1.160 0.979706
an(2) 1.170 1.240 0.067968
earth 1.250 1.520 0.183967
wind(2) 1.530 1.850 0.718752
and(2) 1.860 2.320 0.951605
<sil> 2.330 2.380 0.519818
my 2.390 2.670 0.994912
[NOISE] 2.680 2.700 0.900000
</s> 5.370 5.490 1.000000
`;

// Real stdout of the keyword-spotting pass: hits come latest first, with two spaces.
const KEYWORD_OUTPUT = `priya  northwind(2)  hello 
priya  3.140 3.440 0.881161
northwind(2)  1.170 1.770 0.895554
hello  0.200 0.630 0.856485
`;

describe('parsePocketsphinxOutput', () => {
  it('returns words with millisecond times and drops sentence and silence markers', () => {
    const words = sut(LANGUAGE_MODEL_OUTPUT);

    expect(words.map((word) => word.text)).toEqual(['hello', 'this', 'is', 'an', 'earth', 'wind', 'and', 'my']);
    expect(words[0]).toEqual({ text: 'hello', startMs: 140, endMs: 650, confidence: 0.9994 });
  });

  it('strips the alternate pronunciation suffix', () => {
    expect(sut(LANGUAGE_MODEL_OUTPUT).find((word) => word.startMs === 1530)?.text).toBe('wind');
  });

  it('orders keyword hits by time', () => {
    expect(sut(KEYWORD_OUTPUT).map((word) => `${word.text}@${word.startMs}`)).toEqual(['hello@200', 'northwind@1170', 'priya@3140']);
  });

  it('keeps confidences within 0..1', () => {
    const [word] = sut('odd 0.100 0.200 1.700000\n');

    expect(word.confidence).toBe(1);
  });

  it('returns no words for empty output, as for silence', () => {
    expect(sut('')).toEqual([]);
    expect(sut('\n<s> 0.000 0.720 0.999900\n</s> 0.730 1.030 1.000000\n')).toEqual([]);
  });

  it('rejects output without timed words', () => {
    expect(() => sut('hello this is a hypothesis only\n')).toThrow(TranscriptionError);
    expect(() => sut('hello this is a hypothesis only\n')).toThrow(expect.objectContaining({ code: 'unparsable_output' }));
  });
});
