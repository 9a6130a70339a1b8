/* Generated from spec/rack/hijack-report.schema.json by npm run gen:types. Do not edit. */

/**
 * What the Rack probe found when a plan asked it to hijack the connection before the status (hijack: full): the body of the response it wrote through the hijacked IO, or of its ordinary answer when it could not hijack.
 */
export interface RackHijackReport {
  format: 1;
  interface: 'rack';
  /**
   * rack.hijack? was true.
   */
  offered: boolean;
  /**
   * This document went out through the IO rack.hijack returned (false: as the body of an ordinary response).
   */
  hijacked: boolean;
  /**
   * rack.hijack responded to call.
   */
  callable: boolean;
  /**
   * The class of what calling rack.hijack returned (null: not called, or it raised).
   */
  returned: string | null;
  /**
   * rack.hijack_io held that same object after the call (null: not called).
   */
  sameAsHijackIo: boolean | null;
  /**
   * The hijack IO methods the returned object does not respond to.
   */
  missing: string[];
  /**
   * The exception calling rack.hijack raised, as Class: message.
   */
  raised: string | null;
}
