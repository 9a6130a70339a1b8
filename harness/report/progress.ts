import type { ProgressEvent } from '../run/state.ts';
import { progressLine } from './console.ts';

/**
 * Progress on stderr while a run goes: one line rewritten in place on a terminal, plain lines when the output is
 * a file, a pipe or a CI log (where rewritten lines turn into noise).
 */
export class Progress {
  private done = 0;
  private total = 0;
  private readonly live: boolean;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly color: boolean,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.live = Boolean(out.isTTY) && !env.CI;
  }

  readonly onEvent = (event: ProgressEvent): void => {
    if (event.type === 'server-ready') this.total = event.total;
    else this.done += 1;
    if (!this.live) {
      this.out.write(progressLine(event, this.color) + '\n');
      return;
    }
    if (event.type === 'server-ready' || event.type === 'entry-error') this.out.write('\r\x1b[2K' + progressLine(event, this.color) + '\n');
    if (event.type !== 'server-ready') this.out.write(`\r\x1b[2K[${this.done}/${this.total}] ${event.entry.kind} ${event.entry.id}`);
  };

  /** Clear the live line before the report is printed. */
  end(): void {
    if (this.live) this.out.write('\r\x1b[2K');
  }
}
