/* Generated from spec/asgi/probe-events.schema.json#/$defs/lifespanLine by npm run gen:types. Do not edit. */

/**
 * A Python value as JSON: str as a string, int as an integer, bool, None as null, list and tuple as arrays, dict (exactly dict) as an object; bytes, float, non-str dict keys and every other type as tagged objects.
 *
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "py".
 */
export type PyProjection = (string | number | boolean | null) | PyProjection[] | PyBytes | PyFloat | PyOther | PyDict;

/**
 * One line of the file named by GWI_LIFESPAN_LOG: a lifespan event received or sent, a send that raised, the probe raising on purpose (GWI_LIFESPAN raise or unsupported), or an HTTP request reaching the probe (request, with whether this process had completed lifespan startup by then).
 */
export interface AsgiLifespanLogLine {
  e: 'receive' | 'send' | 'send-raised' | 'raise' | 'request';
  /**
   * request lines: lifespan.startup.complete had been sent in this process when the request reached the probe.
   */
  startup?: boolean;
  event?: PyProjection;
  exception?: AsgiProbeException;
  /**
   * os.getpid() of the process whose lifespan task wrote the line.
   */
  pid: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
/**
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "pyBytes".
 */
export interface PyBytes {
  /**
   * The octets as code points U+0000-U+00FF, one per octet.
   */
  bytes: string;
}
/**
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "pyFloat".
 */
export interface PyFloat {
  /**
   * The value; the strings nan, inf, -inf for those.
   */
  float: number | ('nan' | 'inf' | '-inf');
}
/**
 * Any other type (bytearray, memoryview, a str or int subclass, ...), or any value below the depth limit (truncated). value: for bytearray, memoryview and subclasses of bytes, str, int, float, list, tuple, dict, the value converted to bytes or the base type, projected.
 *
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "pyOther".
 */
export interface PyOther {
  /**
   * type(value).__name__, qualified with the module when it is not builtins.
   */
  pytype: string;
  /**
   * repr(value), cut at 200 characters.
   */
  repr: string;
  value?: PyProjection;
  /**
   * The value sat deeper than the depth limit (12).
   */
  truncated?: true;
}
/**
 * A dict: each str key with its value projected; a key of another type appears under repr(key) as a PyNonStrKey entry.
 *
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "pyDict".
 */
export interface PyDict {
  [k: string]: PyNonStrKey | PyProjection;
}
/**
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "pyNonStrKey".
 */
export interface PyNonStrKey {
  /**
   * The key's type name.
   */
  pytype: string;
  key: PyProjection;
  value: PyProjection;
}
/**
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "exception".
 */
export interface AsgiProbeException {
  /**
   * type(exc).__name__
   */
  type: string;
  /**
   * str(exc), cut at 200 characters.
   */
  message: string;
}
/**
 * One line of the file named by GWI_LIFESPAN_LOG: a lifespan event received or sent, a send that raised, the probe raising on purpose (GWI_LIFESPAN raise or unsupported), or an HTTP request reaching the probe (request, with whether this process had completed lifespan startup by then).
 *
 * This interface was referenced by `AsgiLifespanLogLine`'s JSON-Schema
 * via the `definition` "lifespanLine".
 */
export interface AsgiLifespanLogLine1 {
  e: 'receive' | 'send' | 'send-raised' | 'raise' | 'request';
  /**
   * request lines: lifespan.startup.complete had been sent in this process when the request reached the probe.
   */
  startup?: boolean;
  event?: PyProjection;
  exception?: AsgiProbeException;
  /**
   * os.getpid() of the process whose lifespan task wrote the line.
   */
  pid: number;
  /**
   * time.time() when it happened.
   */
  t: number;
}
