import { log } from './progress';

interface CleanupStep {
  name: string;
  run: () => unknown;
}

/**
 * What a benchmark must undo (child processes, temp dirs, databases), undone in reverse order of
 * registration. Runs after the benchmark whatever happened, and on Ctrl-C.
 */
export class Cleanup {
  private steps: CleanupStep[] = [];
  private running?: Promise<void>;

  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  /**
   * Runs every step once, newest first; a failing step is reported and the others still run. A call
   * while a clean-up is under way (Ctrl-C during the benchmark's own) waits for that one.
   */
  runAll(): Promise<void> {
    this.running ??= this.runSteps().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runSteps(): Promise<void> {
    while (this.steps.length) {
      const step = this.steps.pop() as CleanupStep;
      try {
        await step.run();
      } catch (e) {
        log(`cleanup: could not ${step.name}: ${(e as Error).message}`);
      }
    }
  }
}
