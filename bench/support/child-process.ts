import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeChildOptions {
  args?: string[];
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const OUTPUT_TAIL_CHARS = 16 * 1024;
const GUARD = join(__dirname, 'child-guard.js');

/** A Node process the benchmark started: its pid for /proc, its last output for errors, and a way to stop it. */
export class NodeChild {
  readonly pid: number;
  readonly exited: Promise<ChildExit>;
  private exit?: ChildExit;
  private output = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    if (child.pid === undefined) throw new Error(`${name} did not start`);
    this.pid = child.pid;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', (e) => keep(Buffer.from(`\n[${name}] ${e.message}\n`)));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((this.exit = { code, signal }))));
  }

  /** Starts `node [nodeArgs] -r child-guard script [args]` with an IPC channel. */
  static start(name: string, script: string, options: NodeChildOptions = {}): NodeChild {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', GUARD, script, ...(options.args ?? [])], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    return new NodeChild(name, child);
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** The end of what the process printed, for error messages. */
  outputTail(maxChars = 4000): string {
    return this.output.slice(-maxChars).trimEnd();
  }

  describeExit(): string {
    if (!this.exit) return `${this.name} is running`;
    return `${this.name} exited with ${this.exit.signal ?? `code ${this.exit.code}`}`;
  }

  /** Resolves with the first IPC message that passes `accept`; rejects if the process exits or time runs out. */
  waitForMessage<T>(accept: (message: unknown) => message is T, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.name} sent no ready message within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: unknown) => accept(message) && done(undefined, message);
      const onExit = () => done(new Error(`${this.describeExit()} before it was ready:\n${this.outputTail()}`));
      const done = (error?: Error, message?: T) => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve(message as T);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 15_000): Promise<ChildExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
