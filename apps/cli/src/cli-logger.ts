import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Nest's console logger on stderr, so stdout carries only what the command prints (its summary). */
export class CliLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel, _stream?: 'stdout' | 'stderr', errorStack?: unknown): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

/**
 * Warnings and errors by default: start-up chatter would bury the command's output. LOG_LEVEL=error
 * quietens it further; debug or verbose show everything up to that level.
 */
export function cliLogLevels(logLevel: string | undefined): LogLevel[] {
  const wanted = LEVELS.indexOf(logLevel as LogLevel);
  const upTo = wanted === 0 || wanted >= LEVELS.indexOf('debug') ? wanted : LEVELS.indexOf('warn');
  return LEVELS.slice(0, upTo + 1);
}
