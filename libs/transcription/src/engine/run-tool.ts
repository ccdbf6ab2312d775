import { execFile } from 'node:child_process';
import { TranscriptionError } from '../transcription-error';

export interface ToolRunOptions {
  /** Name used in error messages, e.g. "pocketsphinx". */
  toolName: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Runs a binary with an argument array (never a shell) and turns every failure into a TranscriptionError. */
export function runTool(binary: string, args: readonly string[], options: ToolRunOptions): Promise<ToolOutput> {
  const { toolName, signal, timeoutMs } = options;
  if (signal?.aborted) {
    return Promise.reject(new TranscriptionError('aborted', `${toolName} was not started: the job was cancelled`));
  }
  return new Promise((resolve, reject) => {
    execFile(binary, args, { signal, timeout: timeoutMs ?? 0, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr });
        return;
      }
      reject(describeFailure(error, stderr, options, binary));
    });
  });
}

type ExecError = Error & { code?: string | number | null; killed?: boolean; signal?: NodeJS.Signals | null };

function describeFailure(error: ExecError, stderr: string, options: ToolRunOptions, binary: string): TranscriptionError {
  const { toolName, signal, timeoutMs } = options;
  if (error.code === 'ENOENT' || error.code === 'EACCES') {
    return new TranscriptionError('engine_missing', `${toolName} is not installed or not executable (looked for ${binary})`, {
      cause: error,
    });
  }
  if (signal?.aborted || error.name === 'AbortError') {
    return new TranscriptionError('aborted', `${toolName} was stopped: the job was cancelled`, { cause: error });
  }
  if (error.killed && timeoutMs) {
    return new TranscriptionError('timeout', `${toolName} did not finish within ${timeoutMs} ms and was stopped`, { cause: error });
  }
  const exit = typeof error.code === 'number' ? `exited with code ${error.code}` : `failed (${error.signal ?? error.code ?? error.message})`;
  return new TranscriptionError('engine_failed', `${toolName} ${exit}: ${stderrSummary(stderr)}`, { cause: error });
}

/** Tools log a lot to stderr; the error lines, or else the last lines, say what went wrong. */
export function stderrSummary(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errors = lines.filter((line) => /error|fatal|failed|invalid/i.test(line));
  const picked = (errors.length > 0 ? errors : lines).slice(-3);
  return picked.length > 0 ? picked.join(' | ') : 'no diagnostic output';
}
