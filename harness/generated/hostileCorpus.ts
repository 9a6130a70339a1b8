/* Generated from spec/http/hostile-corpus.schema.json by npm run gen:types. Do not edit. */

/**
 * Known shapes of malformed or ambiguous HTTP/1.1 requests, as language-neutral data: the exact octets to send on one connection, the rule each targets and the outcomes the rule accepts. Octets are written as escaped text: printable ASCII as is, \r \n \t \\ and \xNN for everything else. Placeholders: {host} (127.0.0.1:<port>), {arrivals} (the folder where the probe logs each request that reaches the application; every request in the octets, smuggled ones included, carries X-Gwi-Arrivals: {arrivals} so that any of them reaching the application is seen).
 */
export interface HostileCorpus {
  $schema?: string;
  format: 1;
  /**
   * @minItems 1
   */
  cases: [HostileCase, ...HostileCase[]];
}
/**
 * This interface was referenced by `HostileCorpus`'s JSON-Schema
 * via the `definition` "case".
 */
export interface HostileCase {
  /**
   * Stable id: `--case hostile.<id>` replays it.
   */
  id: string;
  /**
   * The rule id the case targets; a deviation is reported under it.
   */
  rule: string;
  /**
   * What the case sends, in a phrase.
   */
  does: string;
  /**
   * Everything written on the connection, escaped; sent at once, then the write side stays open.
   */
  octets: string;
  /**
   * Any one of these outcomes satisfies the rule; none matching is a deviation.
   *
   * @minItems 1
   */
  acceptable: [HostileOutcome, ...HostileOutcome[]];
  /**
   * The rule leaves a choice: the outcome that matched is recorded (by its name) as the behaviour profile instead of judged.
   */
  profile?: boolean;
}
/**
 * This interface was referenced by `HostileCorpus`'s JSON-Schema
 * via the `definition` "outcome".
 */
export interface HostileOutcome {
  /**
   * Short name, e.g. `rejected` or `chunked body used`.
   */
  name: string;
  /**
   * The status of every response on the connection, in order: an exact code ("400") or a class ("4xx"). An empty list: the server closes without answering.
   */
  statuses: string[];
  /**
   * What reaches the application, in order: each entry names the fields that must match (fields left out are not compared).
   */
  arrivals: Arrival[];
  /**
   * true: the server closes the connection after the last response; false: it stays open; absent: either.
   */
  closes?: boolean;
  /**
   * The protocol version of every status line, in order (compared when given).
   */
  versions?: string[];
}
/**
 * This interface was referenced by `HostileCorpus`'s JSON-Schema
 * via the `definition` "arrival".
 */
export interface Arrival {
  method?: string;
  /**
   * Which request this arrival is: the path of its request-target as sent (absolute-form reduced to its path). Told by the X-Gwi-Request label the harness adds after each X-Gwi-Arrivals field, so a server's own way of splitting or rewriting the path does not matter here.
   */
  path?: string;
  /**
   * The path the application must see (SCRIPT_NAME + PATH_INFO, or the ASGI path), for rules about the path itself.
   */
  seenPath?: string;
  query?: string;
  /**
   * Escaped octets the application reads from wsgi.input.
   */
  body?: string;
  /**
   * Environ keys (HTTP_…, CONTENT_LENGTH) and the value each must have; null: the key must be absent.
   */
  headers?: {
    [k: string]: string | null;
  };
}
