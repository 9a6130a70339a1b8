import { afterAll } from 'vitest';
import { stopAll } from '../harness/process/supervisor.ts';
import { removeScratch } from './scratch.ts';
// every interface plugin, as the package entry and the CLI install them
import '../harness/interfaces.ts';

// A test that times out leaves its run going; whatever servers it started are stopped with its file.
afterAll(async () => {
  await stopAll();
  removeScratch();
});
