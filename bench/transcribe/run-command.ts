import { execFile } from 'node:child_process';

/** Enough for pocketsphinx's chatty stderr on an hour of audio. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * Runs a binary with an argument array (no shell) and resolves with its stdout. The child is waited
 * for, so its CPU time lands in this process's children's time (see process-clock.ts). Aborting the
 * signal kills it.
 */
export function runCommand(binary: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', signal }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const tail = stderr.trim().split('\n').slice(-5).join('\n');
      reject(new Error(`${binary} ${args.join(' ')} failed: ${error.message}${tail ? `\n${tail}` : ''}`));
    });
  });
}
