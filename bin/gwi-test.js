#!/usr/bin/env node
// The harness is TypeScript: tsx's loader lets it (and .ts adapters) run under plain Node 20 with npx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../harness/cli/main.ts');
await main(process.argv.slice(2));
