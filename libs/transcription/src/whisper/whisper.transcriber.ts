import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../engine/run-tool';
import type { RecognizedWord, TranscribeInput, TranscribeOptions, Transcriber } from '../transcriber';
import { TranscriptionError } from '../transcription-error';
import { buildWhisperArgs } from './whisper-args';
import { parseWhisperJson } from './whisper-json.parser';
import { parseWhisperOutput } from './whisper-output.parser';
import { whisperSegmentsToWords, type WhisperSegment } from './whisper-segment';

export interface WhisperConfig {
  /** whisper.cpp `main` binary; scripts/whisper-build.sh prints where it built one. */
  binary: string;
  /** A ggml model file, e.g. ggml-base.en.bin. */
  modelPath: string;
  threads?: number;
}

export class WhisperTranscriber implements Transcriber {
  readonly engineName = 'whisper.cpp';

  constructor(private readonly config: WhisperConfig) {}

  async transcribe(input: TranscribeInput, options: TranscribeOptions = {}): Promise<RecognizedWord[]> {
    if (!existsSync(this.config.modelPath)) {
      throw new TranscriptionError('model_missing', `whisper model file not found: ${this.config.modelPath}`);
    }
    const workDir = await mkdtemp(join(tmpdir(), 'callgrade-whisper-'));
    try {
      const outputBase = join(workDir, 'transcript');
      const args = buildWhisperArgs({
        modelPath: this.config.modelPath,
        wavPath: input.wavPath,
        outputBase,
        threads: this.config.threads,
        language: input.language,
        vocabulary: input.vocabulary,
      });
      const { stdout } = await runTool(this.config.binary, args, {
        toolName: 'whisper.cpp',
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      }).catch((error: unknown) => {
        throw explainModelFailure(error);
      });
      return whisperSegmentsToWords(await readSegments(`${outputBase}.json`, stdout));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}

async function readSegments(jsonPath: string, stdout: string): Promise<WhisperSegment[]> {
  if (existsSync(jsonPath)) return parseWhisperJson(await readFile(jsonPath, 'utf8'));
  // Builds without JSON output still print timestamped lines.
  const segments = parseWhisperOutput(stdout);
  if (segments.length === 0 && /\S/.test(stdout.replace(/\[[^\]]*\]/g, ''))) {
    throw new TranscriptionError('unparsable_output', `whisper.cpp printed no timestamped segments: ${stdout.trim().slice(0, 200)}`);
  }
  return segments;
}

// whisper.cpp exits with code 3 for an unreadable model; the stderr line says which case it was.
function explainModelFailure(error: unknown): unknown {
  if (!(error instanceof TranscriptionError) || error.code !== 'engine_failed') return error;
  if (/bad magic|invalid model|failed to load model/i.test(error.message)) {
    return new TranscriptionError('model_invalid', `whisper model file is not a valid ggml model (${error.message})`, { cause: error });
  }
  return error;
}
