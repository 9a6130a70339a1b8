import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The watchdog: a small Node process, in a process group of its own, that holds the read end of a pipe only the
 * harness writes to. The harness registers what it starts (process groups, environment markers, temporary folders)
 * and unregisters what it stops; when the pipe ends without a clean goodbye (the harness was killed, even by
 * SIGKILL), the watchdog kills what is still registered, marked processes that left their group included, and
 * removes the folders. Lines: `+g <pgid>`, `-g <pgid>`, `+m <marker>`, `-m <marker>`, `+d <dir>`, `-d <dir>`, `q`.
 */
const script = `
const fs = require('fs');
const sets = { g: new Set(), m: new Set(), d: new Set() };
let pending = '';
let clean = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
process.stdin.on('data', (chunk) => {
  pending += chunk;
  let end;
  while ((end = pending.indexOf('\\n')) >= 0) {
    const line = pending.slice(0, end);
    pending = pending.slice(end + 1);
    if (line === 'q') clean = true;
    const set = sets[line[1]];
    if (set && line[0] === '+') set.add(line.slice(3));
    if (set && line[0] === '-') set.delete(line.slice(3));
  }
});
process.stdin.on('end', () => {
  if (clean) process.exit(0);
  for (const g of sets.g) { try { process.kill(-Number(g), 'SIGKILL'); } catch {} }
  if (sets.m.size > 0) {
    let pids = [];
    try { pids = fs.readdirSync('/proc').filter((n) => /^\\d+$/.test(n)); } catch {}
    for (const pid of pids) {
      try {
        const env = fs.readFileSync('/proc/' + pid + '/environ');
        for (const m of sets.m) if (env.includes(m)) { process.kill(Number(pid), 'SIGKILL'); break; }
      } catch {}
    }
  }
  for (const d of sets.d) { try { fs.rmSync(d, { recursive: true, force: true }); } catch {} }
  process.exit(0);
});
`;

let watchdog: ChildProcess | undefined;
let failed = false;

function send(line: string): void {
  if (failed) return;
  if (!watchdog) {
    watchdog = spawn(process.execPath, ['-e', script, 'gwi-watchdog'], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    watchdog.on('error', () => (failed = true)); // without it, the in-process cleanup still runs
    watchdog.stdin?.on('error', () => {});
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  watchdog.stdin?.write(line + '\n');
}

/** What the watchdog cleans up if the harness dies before it does. */
export const watch = {
  group: (pgid: number) => send(`+g ${pgid}`),
  marker: (marker: string) => send(`+m ${marker}`),
  dir: (dir: string) => send(`+d ${dir}`),
};

/** What the harness has cleaned up itself. */
export const unwatch = {
  group: (pgid: number) => watchdog && send(`-g ${pgid}`),
  marker: (marker: string) => watchdog && send(`-m ${marker}`),
  dir: (dir: string) => watchdog && send(`-d ${dir}`),
};

/** A clean exit: everything was stopped in process, the watchdog just leaves. */
export function dismissWatchdog(): void {
  if (watchdog && !failed) {
    watchdog.stdin?.write('q\n');
    watchdog.stdin?.end();
  }
}
