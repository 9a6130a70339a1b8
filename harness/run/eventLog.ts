import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { removeTemporary, temporaryDir } from '../process/supervisor.ts';
import { GwiError } from '../core/errors.ts';
import { describeErrors } from '../spec/schemas.ts';

/** The field naming the event-log folder in a request that carries a response plan (every probe reads it). */
export const logHeader = 'X-Gwi-Log';

/** How a plugin's probe events are validated: its schema, and the file it lives in (for messages). */
export interface EventSchema<E> {
  validate: ValidateFunction<E>;
  file: string;
}

/**
 * The folder a probe logs its events to (<id>.jsonl) and reads the harness's signals from (<id>.go<i>).
 * It is shared through the file system, so it works whichever worker process answers. The events' shape is the
 * interface's: each plugin reads them with its own schema.
 */
export class EventLog {
  readonly dir: string;

  constructor() {
    this.dir = temporaryDir('gwi-log-');
    chmodSync(this.dir, 0o777); // servers that switch user must still write here
  }

  read<E>(id: string, schema: EventSchema<E>): E[] {
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
      if (!schema.validate(event)) {
        throw new GwiError('GWI_SERVER_GARBAGE', `an event in ${id}.jsonl does not match ${schema.file}: ${describeErrors(schema.validate.errors).join('; ')}`, 'the probe and the harness must come from the same gwi-test version');
      }
      return [event];
    });
  }

  /** Poll the log until `holds(events)`, at most timeoutMs; returns the events either way. */
  async until<E>(id: string, schema: EventSchema<E>, holds: (events: E[]) => boolean, timeoutMs: number): Promise<E[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = this.read(id, schema);
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
