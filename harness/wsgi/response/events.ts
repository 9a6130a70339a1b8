import type { ProbeEvent } from '../../generated/probeEvents.ts';
import type { EventSchema } from '../../run/eventLog.ts';
import { validators } from '../schemas.ts';

export type { ProbeEvent } from '../../generated/probeEvents.ts';

/** The WSGI probe's events, as read from the run's event log. */
export const probeEvents: EventSchema<ProbeEvent> = { validate: validators.probeEvent, file: 'spec/wsgi/probe-events.schema.json' };

export const has = (events: ProbeEvent[], name: ProbeEvent['e'], where: Partial<ProbeEvent> = {}) =>
  events.some((event) => event.e === name && Object.entries(where).every(([k, v]) => event[k as keyof ProbeEvent] === v));
