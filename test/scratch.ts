import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A temporary folder for one test file's scratch work, removed when the file's tests are done (test/setup.ts). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
