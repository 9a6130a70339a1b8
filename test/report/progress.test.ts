import { describe, expect, it } from 'vitest';
import { Progress } from '../../harness/report/progress.ts';
import type { ProgressEvent } from '../../harness/engine/conformance.ts';
import { wsgiSuite } from '../../harness/wsgi/suite.ts';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } as unknown as NodeJS.WriteStream };
}
const events: ProgressEvent[] = [
  { type: 'server-ready', adapter: 'x', port: 1, versions: {}, total: 2 },
  { type: 'entry-done', entry: wsgiSuite[0], ms: 5 },
  { type: 'entry-done', entry: wsgiSuite[1], ms: 5 },
];

describe('progress', () => {
  it('rewrites one line in place on a terminal', () => {
    const { chunks, stream } = sink(true);
    const progress = new Progress(stream, false, {});
    events.forEach(progress.onEvent);
    progress.end();
    expect(chunks.join('')).toContain(`\r\x1b[2K[2/2] ${wsgiSuite[1].kind} ${wsgiSuite[1].id}`);
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('prints plain lines under CI or into a pipe, with no escape codes', () => {
    for (const [tty, env] of [[true, { CI: 'true' }], [false, {}]] as const) {
      const { chunks, stream } = sink(tty);
      const progress = new Progress(stream, false, env);
      events.forEach(progress.onEvent);
      progress.end();
      expect(chunks).toHaveLength(3);
      expect(chunks.join('')).not.toMatch(/\x1b/);
    }
  });
});
