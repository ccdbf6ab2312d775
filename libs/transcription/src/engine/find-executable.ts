import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Resolves a command name on PATH (or checks an explicit path) without spawning a shell. */
export function findExecutable(command: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  const candidates =
    command.includes('/') || isAbsolute(command)
      ? [command]
      : pathEnv
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, command));
  return candidates.find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
