import { Logger } from '@nestjs/common';

let installed = false;

/**
 * The last line of defence, for bugs that slip past every `await` and `error` listener.
 * A rejected promise nobody awaited leaves no state half-changed: it is logged and the process keeps
 * serving. An uncaught exception may have left anything in any state, so it is logged and the app is
 * closed in order (in-flight requests and jobs finish, jobs are released) before the process exits
 * for its supervisor to restart it.
 */
export function installProcessSafetyNet(closeApp: () => Promise<void>, logger = new Logger('Process')): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    logger.error(
      `A promise was rejected and nobody handled it (a bug; the process keeps serving): ${describe(reason)}`,
      reason instanceof Error ? reason.stack : undefined,
    );
  });
  let exiting = false;
  process.on('uncaughtException', (error) => {
    logger.error(`Uncaught exception (a bug); closing and exiting: ${describe(error)}`, error.stack);
    if (exiting) return;
    exiting = true;
    process.exitCode = 1;
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    closeApp().then(
      () => process.exit(1),
      () => process.exit(1),
    );
  });
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
