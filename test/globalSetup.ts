import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { packageRoot } from '../harness/spec/paths.ts';

/**
 * Once per test run: build the package the command-line tests run (bin/ runs dist/), and give the whole run a
 * private temporary folder, which must be empty again at the end: whatever a test or a run leaves there is a leak.
 */
export default function setup(): () => void {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', packageRoot + 'tsconfig.build.json'], { stdio: 'inherit' });
  const outer = process.env.TMPDIR;
  const tmp = mkdtempSync(join(tmpdir(), 'gwi-tests-'));
  chmodSync(tmp, 0o755); // servers that drop privileges (Apache, nginx workers) must still reach their folders inside
  process.env.TMPDIR = tmp;
  return () => {
    process.env.TMPDIR = outer;
    // tsx keeps a cache of its own there; anything else is ours
    const left = readdirSync(tmp).filter((name) => !name.startsWith('tsx-'));
    rmSync(tmp, { recursive: true, force: true });
    if (left.length === 0) return;
    process.exitCode = 1; // vitest reports an error thrown here, but would still exit 0
    throw new Error(`the tests left ${left.length} entries in the temporary folder: ${left.slice(0, 20).join(', ')}`);
  };
}
