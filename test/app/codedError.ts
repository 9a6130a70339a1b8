import { expect } from 'vitest';
import { processesWith, runCli } from '../cli/helpers.ts';

export const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

/** Run a misbehaving application fixture: a coded error with a hint, exit 2, no stack trace, no driver left behind. */
export async function expectCodedError(fixture: string, code: string, extra: string[]): Promise<void> {
  const result = await runCli([`fixtures/adapters/${fixture}`, '--seed', '1', ...extra]);
  expect(result.code).toBe(2);
  expect(result.stderr + result.stdout).toContain(code);
  expect(result.stderr).toContain('hint:');
  noStackTrace(result.stderr + result.stdout);
  expect(processesWith(`--adapter gwi-fixture-${fixture}`)).toEqual([]);
}
