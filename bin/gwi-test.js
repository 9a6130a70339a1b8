#!/usr/bin/env node
// The command line runs the compiled harness (npm run build; npm ci and npm pack build it).
import { existsSync } from 'node:fs';

const main = new URL('../dist/harness/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('error GWI_USAGE: gwi-test is not built (dist/ is missing)\n  hint: run npm run build in the gwi-test checkout (npm ci does it)\n');
  process.exit(2);
}
const { main: run } = await import(main.href);
await run(process.argv.slice(2));
