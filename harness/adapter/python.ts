import { spawnSync } from 'node:child_process';
import { GwiError } from '../core/errors.ts';

const cache = new Map<string, string>();

/** The first interpreter that imports every module, or GWI_PYTHON when set. */
export function findPython(candidates: string[], modules: string[]): string {
  const key = JSON.stringify([candidates, modules, process.env.GWI_PYTHON]);
  const hit = cache.get(key);
  if (hit) return hit;
  const tried = process.env.GWI_PYTHON ? [process.env.GWI_PYTHON] : candidates;
  const script = modules.map((m) => `import ${m}`).join('\n') || 'pass';
  const failures: string[] = [];
  for (const python of tried) {
    const result = spawnSync(python, ['-c', script], { encoding: 'utf8', timeout: 15_000 });
    if (result.status === 0) {
      cache.set(key, python);
      return python;
    }
    failures.push(`${python}: ${result.error ? result.error.message : (result.stderr.trim().split('\n').pop() ?? 'failed')}`);
  }
  throw new GwiError(
    'GWI_PYTHON_NOT_FOUND',
    `no Python interpreter among [${tried.join(', ')}] imports ${modules.join(', ') || 'anything'}: ${failures.join('; ')}`,
    `install the server (for Debian: apt-get install the python3-… package) or set GWI_PYTHON to an interpreter that has ${modules.join(', ') || 'python3'}`,
  );
}
