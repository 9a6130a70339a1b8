import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this file whose package.json is gwi-test's, so it is found from a
 * checkout (harness/spec/), from the build (dist/harness/spec/) and from an installed tarball alike.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'gwi-test') return dir + '/';
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gwi-test: cannot find its own package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
export const specDir = packageRoot + 'spec/';
export const fixturesDir = packageRoot + 'fixtures/';

export const toolVersion: string = (JSON.parse(readFileSync(packageRoot + 'package.json', 'utf8')) as { version: string }).version;
