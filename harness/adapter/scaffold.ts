import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { specDir } from '../spec/paths.ts';
import { GwiError } from '../core/errors.ts';
import type { AdapterFile } from '../generated/adapter.ts';
import { describeErrors, validators } from '../spec/schemas.ts';

export interface ScaffoldAnswers {
  name: string;
  /** Python modules the server needs; the interpreter is picked by whether it imports them. */
  modules: string[];
  /** The start command with placeholders; a module server gets a sensible default. */
  command?: string[];
  concurrency?: number;
  capabilities?: AdapterFile['capabilities'];
}

/** An adapter.json for a new server, checked against spec/adapter.schema.json before it is written. */
export function scaffoldAdapter(dir: string, answers: ScaffoldAnswers): string {
  const file = join(dir, 'adapter.json');
  if (existsSync(file)) throw new GwiError('GWI_USAGE', `${file} already exists`, 'edit it, or choose another folder');
  const module = answers.modules[0];
  const command = answers.command?.length ? answers.command : ['{python}', '-m', module ?? answers.name, '--bind', '127.0.0.1:{port}', '{probeApp}'];
  const adapter: AdapterFile & { $schema: string } = {
    $schema: relative(dir, join(specDir, 'adapter.schema.json')),
    name: answers.name,
    description: `${answers.name}, serving the gwi-test probe on 127.0.0.1 (scaffolded by gwi-test init: check the command).`,
    interface: 'wsgi',
    kind: 'server',
    python: { candidates: ['python3', '/usr/bin/python3'], modules: answers.modules },
    command: command as AdapterFile['command'],
    cwd: '{probeDir}',
    env: { PYTHONPATH: '{probeDir}' },
    concurrency: answers.concurrency ?? 1,
    capabilities: answers.capabilities ?? [],
    ...(module ? { versions: [{ name: answers.name, command: ['{python}', '-c', `import importlib.metadata as m; print(m.version(${JSON.stringify(module)}))`] as [string, ...string[]] }] } : {}),
  };
  const { $schema: _schema, ...data } = adapter;
  if (!validators.adapter(data)) throw new GwiError('GWI_USAGE', `these answers do not make a valid adapter: ${describeErrors(validators.adapter.errors).join('; ')}`, 'names are lower-case letters, digits, ".", "_" and "-"');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(adapter, null, 2) + '\n');
  return file;
}
