import { afterAll } from 'vitest';
import { stopAll } from '../harness/process/supervisor.ts';

// A test that times out leaves its run going; whatever servers it started are stopped with its file.
afterAll(() => stopAll());
