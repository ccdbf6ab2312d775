import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a tool for building test fixtures; fails the test with its stderr. */
export async function runCommand(binary: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(binary, args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}
