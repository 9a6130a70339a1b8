import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { removeTemporary, temporaryDir } from '../../process/supervisor.ts';
import { join } from 'node:path';
import { GwiError } from '../../errors.ts';
import type { ProbeEvent } from '../../generated/probeEvents.ts';
import { describeErrors, validators } from '../../spec/schemas.ts';

export type { ProbeEvent } from '../../generated/probeEvents.ts';

/**
 * The folder the probe logs its events to (<id>.jsonl) and reads the harness's signals from (<id>.go<i>).
 * It is shared through the file system, so it works whichever worker process answers.
 */
export class EventLog {
  readonly dir: string;

  constructor() {
    this.dir = temporaryDir('gwi-log-');
    chmodSync(this.dir, 0o777); // servers that switch user must still write here
  }

  read(id: string): ProbeEvent[] {
    const file = join(this.dir, `${id}.jsonl`);
    if (!existsSync(file)) return [];
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
    // the last line may be half written while the probe is still at it
    return lines.flatMap((line, index) => {
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        if (index === lines.length - 1) return [];
        throw new GwiError('GWI_SERVER_GARBAGE', `the probe's event log ${id}.jsonl has a line that is not JSON: ${line.slice(0, 200)}`, 'the probe and the harness must come from the same gwi-test version');
      }
      if (!validators.probeEvent(event)) {
        throw new GwiError('GWI_SERVER_GARBAGE', `an event in ${id}.jsonl does not match spec/wsgi/probe-events.schema.json: ${describeErrors(validators.probeEvent.errors).join('; ')}`, 'the probe and the harness must come from the same gwi-test version');
      }
      return [event];
    });
  }

  /** Poll the log until `holds(events)`, at most timeoutMs; returns the events either way. */
  async until(id: string, holds: (events: ProbeEvent[]) => boolean, timeoutMs: number): Promise<ProbeEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = this.read(id);
      if (holds(events) || Date.now() >= deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Let the probe go on past its pause number `index`. */
  signal(id: string, index: number): void {
    writeFileSync(join(this.dir, `${id}.go${index}`), '');
  }

  remove(): void {
    removeTemporary(this.dir);
  }
}

export const has = (events: ProbeEvent[], name: ProbeEvent['e'], where: Partial<ProbeEvent> = {}) =>
  events.some((event) => event.e === name && Object.entries(where).every(([k, v]) => event[k as keyof ProbeEvent] === v));
