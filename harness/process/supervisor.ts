import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dismissWatchdog, unwatch, watch } from './watchdog.ts';

/** The last bytes a child wrote, kept to explain a failure to start or a crash. */
class Tail {
  private text = '';
  constructor(private readonly limit = 16_384) {}
  push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

export interface SpawnOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  stopSignal: NodeJS.Signals;
  stopTimeoutMs: number;
  /** A protocol on stdin/stdout: each stdout line goes here instead of into `output`, and write() feeds stdin. */
  onStdoutLine?: (line: string) => void;
  /**
   * `NAME=value` in the environment of the child (and so of everything it starts): how stopping finds descendants
   * that left the process group (a daemon that called setsid), here and in the watchdog.
   */
  marker?: string;
}

/** A child in its own process group: stopping it stops everything it forked. */
export class Supervised {
  readonly output = new Tail();
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  spawnError: Error | undefined;
  readonly exited: Promise<void>;
  /** The child's pipes are all closed: everything it wrote has been read. */
  private readonly closed: Promise<void>;
  private readonly child: ChildProcess;

  constructor(readonly options: SpawnOptions) {
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: [options.onStdoutLine ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    // registered before anything can go wrong: if the harness dies now, the watchdog still stops it
    if (this.child.pid !== undefined) watch.group(this.child.pid);
    if (options.marker) watch.marker(options.marker);
    if (options.onStdoutLine) {
      const onLine = options.onStdoutLine;
      let pending = '';
      this.child.stdout?.on('data', (c: Buffer) => {
        pending += c.toString('utf8');
        let end: number;
        while ((end = pending.indexOf('\n')) >= 0) {
          onLine(pending.slice(0, end));
          pending = pending.slice(end + 1);
        }
      });
      // a child that dies mid-line must not take the harness with it
      this.child.stdin?.on('error', () => {});
    } else {
      this.child.stdout?.on('data', (c: Buffer) => this.output.push(c));
    }
    this.child.stderr?.on('data', (c: Buffer) => this.output.push(c));
    this.closed = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.spawnError = error;
        resolve();
      });
      this.child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      });
    });
    running.add(this);
  }

  /** One line on the child's stdin (only with onStdoutLine). */
  write(line: string): void {
    this.child.stdin?.write(line + '\n');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Wait (at most `ms`) for the last of the child's output: 'exit' may come before its pipes are read to the end, and a
   * descendant that still holds them must not hold the caller up.
   */
  async outputSettled(ms = 1000): Promise<void> {
    await Promise.race([this.closed, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
  }

  get hasExited(): boolean {
    return this.exitCode !== null || this.exitSignal !== null || this.spawnError !== undefined;
  }

  /** Signal the group, wait up to stopTimeoutMs, then SIGKILL whatever is left of the group. */
  async stop(): Promise<void> {
    if (this.pid !== undefined && !this.hasExited) {
      signalGroup(this.pid, this.options.stopSignal);
      await Promise.race([this.exited, bound(this.options.stopTimeoutMs)]);
    }
    if (this.pid !== undefined) {
      // Workers can outlive their leader: the group is emptied either way.
      signalGroup(this.pid, 'SIGKILL');
      await Promise.race([this.exited, bound(1000)]);
    }
    this.finish();
  }

  /** Synchronous last resort, for process exit. */
  kill(): void {
    if (this.pid !== undefined) signalGroup(this.pid, 'SIGKILL');
    this.finish();
  }

  /** Whatever left the group (a detached daemon) goes too; then the watchdog has nothing left to do for it. */
  private finish(): void {
    if (this.options.marker) {
      killMarked(this.options.marker);
      unwatch.marker(this.options.marker);
    }
    if (this.pid !== undefined) unwatch.group(this.pid);
    running.delete(this);
  }
}

/** SIGKILL every process whose environment holds `marker` (Linux: /proc; elsewhere the process group has to do). */
export function killMarked(marker: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  const needle = Buffer.from(marker);
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/environ`).includes(needle)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone, or not ours to read
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A bound for a race that must not keep the process alive once the other side has won. */
export function bound(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

const running = new Set<Supervised>();

const temporary = new Set<string>();

/** A private temporary folder that goes away with removeTemporary(), stopAll() or the process, whichever comes first. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.add(dir);
  watch.dir(dir);
  return dir;
}

export function removeTemporary(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temporary.delete(dir);
  unwatch.dir(dir);
}

/** Stop every supervised child and remove every temporary folder; used on SIGINT/SIGTERM and at the end of a run. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
  for (const dir of temporary) removeTemporary(dir);
}


// Whatever way the process ends, no child outlives it.
process.on('exit', () => {
  for (const child of running) child.kill();
  for (const dir of temporary) removeTemporary(dir);
  dismissWatchdog();
});
