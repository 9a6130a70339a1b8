import type { HttpRequest } from '../http/request.ts';
import type { SuiteContext } from '../run/entries.ts';
import { splitTarget } from '../http/target.ts';
import type { CgiResponsePlan } from './observation.ts';

/**
 * The query parameter carrying a response plan to the CGI probe. A query, not a field: every server passes the query
 * on (QUERY_STRING), while RFC 3875 lets a server leave out HTTP_ variables (Python's CGI server passes a few only).
 */
export const planParameter = 'gwi-cgi=';

/** The request with its target put below the adapter's mount prefix, where the script answers. */
export const mounted = (context: SuiteContext, request: HttpRequest): HttpRequest => ({ ...request, target: (context.scriptName ?? '') + request.target });

/** A GET (or `method`) to `path` whose answer the probe writes as `plan` says (the JSON in UTF-8, percent-encoded). */
export function plannedRequest(context: SuiteContext, plan: CgiResponsePlan, options: { method?: string; path?: string } = {}): HttpRequest {
  return {
    method: options.method ?? 'GET',
    target: `${context.scriptName ?? ''}${options.path ?? '/respond'}?${planParameter}${encodeURIComponent(JSON.stringify(plan))}`,
    version: 'HTTP/1.1',
    headers: [['Host', `127.0.0.1:${context.port}`], ['Connection', 'close']],
    body: '',
  };
}

export function planOf(request: HttpRequest): CgiResponsePlan | undefined {
  const { query } = splitTarget(request.target);
  return query?.startsWith(planParameter) ? (JSON.parse(decodeURIComponent(query.slice(planParameter.length))) as CgiResponsePlan) : undefined;
}
