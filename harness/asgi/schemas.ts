import { lazily, load, loadDef } from '../spec/schemas.ts';
import type { AsgiProbeReport } from '../generated/asgiProbeReport.ts';
import type { AsgiResponsePlan } from '../generated/asgiResponsePlan.ts';
import type { AsgiProbeEvent } from '../generated/asgiProbeEvents.ts';
import type { AsgiLifespanLogLine } from '../generated/asgiLifespanLine.ts';
import type { AsgiWebSocketPlan } from '../generated/asgiWebSocketPlan.ts';
import type { AsgiWebSocketEvent } from '../generated/asgiWebSocketEvents.ts';
import type { AsgiDriverCommand, AsgiDriverReply } from '../generated/asgiDriverProtocol.ts';

/** The ASGI plugin's schemas (spec/asgi/), each compiled once, on first use. */
export const validators = lazily({
  probeReport: () => load<AsgiProbeReport>('asgi/probe-report.schema.json'),
  responsePlan: () => load<AsgiResponsePlan>('asgi/response-plan.schema.json'),
  probeEvent: () => load<AsgiProbeEvent>('asgi/probe-events.schema.json'),
  lifespanLine: () => loadDef<AsgiLifespanLogLine>('asgi/probe-events.schema.json', 'lifespanLine'),
  receiveEvent: () => loadDef<unknown>('asgi/events.schema.json', 'receiveEvent'),
  httpScope: () => loadDef<unknown>('asgi/scope.schema.json', 'httpScope'),
  extensions: () => load<unknown>('asgi/extensions.schema.json'),
  driverCommand: () => loadDef<AsgiDriverCommand>('asgi/driver-protocol.schema.json', 'command'),
  webSocketPlan: () => load<AsgiWebSocketPlan>('asgi/websocket-plan.schema.json'),
  webSocketEvent: () => load<AsgiWebSocketEvent>('asgi/websocket-events.schema.json'),
  driverReply: () => loadDef<AsgiDriverReply>('asgi/driver-protocol.schema.json', 'reply'),
});
