import { buildWhisperArgs as sut } from './whisper-args';

const base = { modelPath: '/models/ggml-base.en.bin', wavPath: '/tmp/agent.wav', outputBase: '/tmp/out/transcript' };

describe('buildWhisperArgs', () => {
  it('asks for word-level segments and full JSON with the model, file and threads', () => {
    expect(sut({ ...base, threads: 4, language: 'en' })).toEqual([
      '--model',
      '/models/ggml-base.en.bin',
      '--file',
      '/tmp/agent.wav',
      '--threads',
      '4',
      '--language',
      'en',
      '--max-len',
      '1',
      '--split-on-word',
      '--output-json-full',
      '--output-file',
      '/tmp/out/transcript',
    ]);
  });

  it('passes the vocabulary as the initial prompt', () => {
    const args = sut({ ...base, vocabulary: ['Northwind Bank', ' Priya ', 'Priya'] });

    expect(args.slice(-2)).toEqual(['--prompt', 'Northwind Bank, Priya.']);
  });

  it('reduces a locale to its language and detects the language when none is given', () => {
    expect(sut({ ...base, language: 'en-GB' })).toContain('en');
    const args = sut(base);
    expect(args[args.indexOf('--language') + 1]).toBe('auto');
  });

  it('keeps a vocabulary with shell characters as one argument', () => {
    const args = sut({ ...base, vocabulary: ['Smith & Sons; rm -rf /'] });

    expect(args[args.length - 1]).toBe('Smith & Sons; rm -rf /.');
  });
});
