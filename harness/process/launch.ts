import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { findPython } from '../adapter/python.ts';
import { expand } from '../adapter/placeholders.ts';
import type { LoadedAdapter } from '../adapter/load.ts';
import { removeTemporary, temporaryDir } from './supervisor.ts';

/** The probe application a server adapter hosts: the {probeDir}, {probeModule} and {probeApp} placeholders. */
export interface ProbeInfo {
  dir: string;
  module: string;
  app: string;
}

/** Everything an adapter's process starts from: the interpreter, a private folder, placeholder values, a small environment. */
export interface Launch {
  python: string;
  /**
   * This process's identity: GWI_SERVER_TOKEN in its environment. The probe puts it in every report (so a run never
   * judges a server it did not start), and every descendant inherits it (so stopping finds those that left the group).
   */
  token: string;
  tmpDir: string;
  /** Placeholder values for the adapter's command, files, env, path and cwd. */
  values: Record<string, string>;
  /** The minimal environment (PATH, LANG, HOME in the private folder) plus the adapter's env, expanded. */
  env: Record<string, string>;
  cwd: string;
  /** Remove the private folder. */
  cleanup(): void;
}

/**
 * The one place that prepares a Python process for an adapter, whether a server hosting a probe or a driver hosting an
 * application: find the interpreter, make the private folder, fill in the placeholders, build the environment.
 */
export function prepareLaunch(adapter: LoadedAdapter, probe: ProbeInfo, port: number, extraEnv: (values: Record<string, string>) => Record<string, string> = () => ({})): Launch {
  const { config } = adapter;
  const python = findPython(config.python?.candidates ?? ['python3'], config.python?.modules ?? []);
  const tmpDir = temporaryDir(`gwi-${config.name}-`);
  chmodSync(tmpDir, 0o755); // servers that drop privileges (Apache) must still read their config
  const values: Record<string, string> = { python, port: String(port), probeDir: probe.dir, probeModule: probe.module, probeApp: probe.app, adapterDir: adapter.dir, tmpDir };
  const token = randomBytes(12).toString('hex');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    HOME: tmpDir,
    ...extraEnv(values),
    ...Object.fromEntries(Object.entries(config.env ?? {}).map(([k, v]) => [k, expand(v, values)])),
    [tokenVariable]: token,
  };
  return { python, token, tmpDir, values, env, cwd: expand(config.cwd, values), cleanup: () => removeTemporary(tmpDir) };
}

/** The environment variable that carries a launch's token. */
export const tokenVariable = 'GWI_SERVER_TOKEN';

/** Run the adapter's version commands; a command that fails records "unknown". */
export function recordVersions(adapter: LoadedAdapter, values: Record<string, string>): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const { name, command } of adapter.config.versions ?? []) {
    const [cmd, ...args] = command.map((part) => expand(part, values));
    const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
    versions[name] = result.status === 0 ? result.stdout.trim().split('\n')[0] : 'unknown';
  }
  return versions;
}
