import { parseWhisperOutput as sut } from './whisper-output.parser';
import { whisperSegmentsToWords, UNKNOWN_CONFIDENCE } from './whisper-segment';

// whisper.cpp README, "Word-level timestamp": ./main -m models/ggml-base.en.bin -f samples/jfk.wav -ml 1
const WORD_LEVEL_OUTPUT = `
whisper_model_load: loading model from './models/ggml-base.en.bin'
system_info: n_threads = 4 / 10 | AVX2 = 0 | AVX512 = 0 | NEON = 1 | FP16_VA = 1 | WASM_SIMD = 0 | BLAS = 1 |

main: processing './samples/jfk.wav' (176000 samples, 11.0 sec), 4 threads, 1 processors, lang = en, task = transcribe, timestamps = 1 ...

[00:00:00.000 --> 00:00:00.320]  
[00:00:00.320 --> 00:00:00.370]   And
[00:00:00.370 --> 00:00:00.690]   so
[00:00:00.690 --> 00:00:00.850]   my
[00:00:00.850 --> 00:00:01.590]   fellow
[00:00:01.590 --> 00:00:02.850]   Americans
[00:00:02.850 --> 00:00:03.300]  ,
[00:00:03.300 --> 00:00:04.140]   ask
[00:00:04.140 --> 00:00:04.990]   not
`;

// whisper.cpp README, default segments of the Columbia speech (past one minute).
const SEGMENT_OUTPUT = `[00:00:52.000 --> 00:00:58.000]   These men and women assumed great risk in the service to all humanity.
[00:00:58.000 --> 00:01:03.000]   In an age when space flight has come to seem almost routine,
`;

describe('parseWhisperOutput', () => {
  it('reads timestamped lines and skips log lines and empty segments', () => {
    const segments = sut(WORD_LEVEL_OUTPUT);

    expect(segments).toHaveLength(8);
    expect(segments[0]).toEqual({ startMs: 320, endMs: 370, text: 'And' });
    expect(segments[5]).toEqual({ startMs: 2850, endMs: 3300, text: ',' });
  });

  it('reads minutes past the first', () => {
    expect(sut(SEGMENT_OUTPUT)[1]).toEqual({ startMs: 58000, endMs: 63000, text: 'In an age when space flight has come to seem almost routine,' });
  });

  it('returns nothing for output without segments', () => {
    expect(sut('whisper_print_timings: total time = 12.3 ms\n')).toEqual([]);
  });
});

describe('whisperSegmentsToWords', () => {
  it('attaches punctuation to the word before it', () => {
    const words = whisperSegmentsToWords(sut(WORD_LEVEL_OUTPUT));

    expect(words.map((word) => word.text)).toEqual(['And', 'so', 'my', 'fellow', 'Americans,', 'ask', 'not']);
    expect(words[4]).toEqual({ text: 'Americans,', startMs: 1590, endMs: 2850, confidence: UNKNOWN_CONFIDENCE });
  });

  it('shares a multi-word segment time between its words by length', () => {
    const words = whisperSegmentsToWords([{ startMs: 1000, endMs: 2000, text: 'ab cdef', confidence: 0.8 }]);

    expect(words).toEqual([
      { text: 'ab', startMs: 1000, endMs: 1333, confidence: 0.8 },
      { text: 'cdef', startMs: 1333, endMs: 2000, confidence: 0.8 },
    ]);
  });

  it('drops notes about the audio such as [BLANK_AUDIO]', () => {
    expect(whisperSegmentsToWords([{ startMs: 0, endMs: 3000, text: '[BLANK_AUDIO]' }])).toEqual([]);
  });
});
