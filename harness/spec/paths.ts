import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file so it works from a checkout and from an installed tarball. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const specDir = packageRoot + 'spec/';
export const fixturesDir = packageRoot + 'fixtures/';

export const toolVersion: string = (JSON.parse(readFileSync(packageRoot + 'package.json', 'utf8')) as { version: string }).version;
