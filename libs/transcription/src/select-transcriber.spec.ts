import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PocketsphinxTranscriber } from './pocketsphinx/pocketsphinx.transcriber';
import { selectTranscriber as sut } from './select-transcriber';
import { WhisperTranscriber } from './whisper/whisper.transcriber';

describe('selectTranscriber', () => {
  let dir: string;
  let whisperBinary: string;
  let whisperModel: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'select-spec-'));
    // Selection only checks that files exist; nothing is run.
    whisperBinary = join(dir, 'whisper-main');
    await writeFile(whisperBinary, '#!/bin/sh\n');
    await chmod(whisperBinary, 0o755);
    whisperModel = join(dir, 'ggml-base.en.bin');
    await writeFile(whisperModel, '');
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('picks whisper in auto mode when a model is configured and the binary exists', () => {
    expect(sut({ engine: 'auto', whisperModel, whisperBinary })).toBeInstanceOf(WhisperTranscriber);
  });

  it('picks the installed pocketsphinx in auto mode without a whisper model', () => {
    const transcriber = sut({ engine: 'auto', whisperBinary });

    expect(transcriber).toBeInstanceOf(PocketsphinxTranscriber);
    expect(transcriber.engineName).toBe('pocketsphinx');
  });

  it('picks pocketsphinx in auto mode when the configured whisper binary is missing', () => {
    expect(sut({ engine: 'auto', whisperModel, whisperBinary: join(dir, 'absent') })).toBeInstanceOf(PocketsphinxTranscriber);
  });

  it('fails with no_engine and how to install one when neither engine is there', () => {
    const select = () => sut({ engine: 'auto', whisperModel: join(dir, 'absent.bin'), pocketsphinxBinary: join(dir, 'absent') });

    expect(select).toThrow(expect.objectContaining({ code: 'no_engine' }));
    expect(select).toThrow(/no speech recognition engine installed: .*not found.*apt-get install pocketsphinx/);
  });

  it('fails with model_missing when whisper is requested without a model', () => {
    expect(() => sut({ engine: 'whisper', whisperBinary })).toThrow(expect.objectContaining({ code: 'model_missing' }));
  });

  it('fails with engine_missing when pocketsphinx is requested but its model is not there', () => {
    expect(() => sut({ engine: 'pocketsphinx', pocketsphinxModelDir: join(dir, 'no-model') })).toThrow(expect.objectContaining({ code: 'engine_missing' }));
  });
});
