import { ConsoleLogger, LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger } from 'nestjs-pino';

/** Nest's start-up chatter: one line per module and per route. Useful when debugging, noise otherwise. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'WebSocketsController']);

const isChatty = (params: unknown[]) => CHATTY_CONTEXTS.has(String(params[params.length - 1]));

/** Nest's coloured lines, with the module and route listing moved to debug. */
export class TextLogger extends ConsoleLogger {
  override log(message: unknown, ...params: unknown[]): void {
    if (isChatty(params)) super.debug(message, ...params);
    else super.log(message, ...params);
  }
}

/** Wraps the pino logger the same way. */
export function quietStartUp(logger: PinoNestLogger): LoggerService {
  return {
    log: (message: unknown, ...params: unknown[]) => (isChatty(params) ? logger.debug(message, ...params) : logger.log(message, ...params)),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal(message, ...params),
  };
}
