import { GwiError } from '../core/errors.ts';
import { converse } from '../http/conversation.ts';
import { escapeOctets } from '../http/request.ts';
import { exchange } from '../http/wire.ts';
import { delay } from '../process/supervisor.ts';
import type { RunningServer } from './server.ts';

/** How long a plain request may take before a server counts as no longer answering anyone. */
export const livenessMs = 2000;

/** One plain GET on a fresh connection: does the server still answer anyone? */
export async function answersPlainRequest(server: RunningServer, timeoutMs = livenessMs): Promise<boolean> {
  if (server.process.hasExited) return false;
  const octets = Buffer.from(`GET /gwi-health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`, 'latin1');
  const result = await exchange(server.port, octets, timeoutMs);
  return result.kind === 'response';
}

/**
 * A request timed out and the server then answered nobody: the request hung the server. The error names it, and
 * carries it on so a fresh server can be asked whether the request alone does that.
 */
export function hungBy(timedOut: GwiError): GwiError {
  const error = new GwiError(
    'GWI_SERVER_UNRESPONSIVE',
    `${timedOut.message.split('\n')[0]}, and then the server answered no one (a plain GET got no answer within ${livenessMs} ms)${timedOut.request ? `\n  request: ${escapeOctets(timedOut.request)}` : ''}`,
    'the request above hangs the server for everyone: report it to its maintainers (if it is only slow, raise --timeout)',
  );
  error.request = timedOut.request;
  return error;
}

/**
 * Send the request that hung or killed a server to a fresh one. If the fresh server still answers afterwards, the
 * request does not do that by itself: the server stopped on its own (after some number of requests, or at random),
 * and the run cannot go on trusting it.
 */
export async function stopsFreshServer(request: Buffer, server: RunningServer): Promise<boolean> {
  const octets = Buffer.from(request.toString('latin1').replace(/127\.0\.0\.1:\d+/g, `127.0.0.1:${server.port}`), 'latin1');
  const conversation = await converse(server.port, octets, { firstAnswerMs: livenessMs, quietMs: 200, totalMs: 2 * livenessMs });
  // a dying server closes its sockets a moment before its exit is seen
  await Promise.race([server.process.exited, delay(300)]);
  if (server.process.hasExited) return true;
  if (conversation.responses.length > 0) return false;
  return !(await answersPlainRequest(server));
}

/** The error for a server that stops by itself: the request it stopped at is named, not blamed. */
export function stoppedOnItsOwn(stopped: GwiError, requestsSent: number): GwiError {
  const how = stopped.code === 'GWI_SERVER_CRASHED' ? 'died' : 'stopped answering anyone';
  const error = new GwiError(
    stopped.code,
    `the server ${how} at request ${requestsSent} sent after it was ready; a fresh server takes that request and goes on answering, so the server, not this request, is at fault${stopped.request ? `\n  request: ${escapeOctets(stopped.request)}` : ''}`,
    `the server ${how === 'died' ? 'dies' : 'hangs'} after some requests whatever they are: run it by hand under load; the run stopped here, and the rules it did not reach are errors`,
  );
  error.request = stopped.request;
  return error;
}
