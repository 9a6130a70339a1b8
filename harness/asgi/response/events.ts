import type { AsgiProbeEvent } from '../../generated/asgiProbeEvents.ts';
import type { EventSchema } from '../../run/eventLog.ts';
import { validators } from '../schemas.ts';

export type { AsgiProbeEvent } from '../../generated/asgiProbeEvents.ts';

/** The ASGI probe's events, as read from the run's event log. */
export const probeEvents: EventSchema<AsgiProbeEvent> = { validate: validators.probeEvent, file: 'spec/asgi/probe-events.schema.json' };

/** The index of the pause a plan's pauseAfterBody makes (gwi_asgi_respond.py). */
export const afterBodyPause = 999;
