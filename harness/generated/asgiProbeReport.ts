/* Generated from spec/asgi/probe-report.schema.json by npm run gen:types. Do not edit. */

/**
 * A Python value as JSON: str as a string, int as an integer, bool, None as null, list and tuple as arrays, dict (exactly dict) as an object; bytes, float, non-str dict keys and every other type as tagged objects.
 *
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
 * via the `definition` "py".
 */
export type PyProjection = (string | number | boolean | null) | PyProjection[] | PyBytes | PyFloat | PyOther | PyDict;
/**
 * One receive() outcome: the event it returned, or the timeout that ended the wait; ms since the application was called.
 *
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
 * via the `definition` "received".
 */
export type AsgiReceived =
  | {
      event: PyProjection;
      ms: number;
    }
  | {
      timeout: true;
      ms: number;
    };

/**
 * What the ASGI probe application (fixtures/asgi/probe/gwi_asgi_probe.py) saw for one plain http request (format 1); afterBody (with X-Gwi-Plan receive-after-body:<ms>) is what one more receive() gave after the body ended. Python values are shown in the Python projection (PyProjection).
 */
export interface AsgiProbeReport {
  format: 1;
  interface: 'asgi';
  /**
   * GWI_SERVER_TOKEN from the environment of the process the probe runs in: the server start this answer comes from. Absent when the server does not pass its environment on to the application.
   */
  token?: string;
  /**
   * The scope dict without its 'state' key, projected; headers keep their order and duplicates.
   */
  scope: {
    [k: string]: PyProjection;
  };
  /**
   * scope['state'] apart: whether the key exists, and its projection when it does.
   */
  state: {
    present: boolean;
    value?: PyProjection;
  };
  /**
   * Every receive() call made to read the body, in order; a timeout marker last when X-Gwi-Deadline passed first.
   */
  receives: AsgiReceived[];
  afterBody?: AsgiReceived;
  /**
   * What this process's lifespan task saw (module globals: each worker process has its own); scope is the lifespan scope as it arrived (state still empty), null without one.
   */
  lifespan: {
    /**
     * GWI_LIFESPAN when a lifespan scope arrived; null: no lifespan scope in this process.
     */
    mode: string | null;
    /**
     * lifespan.startup was received and answered with startup.complete.
     */
    startup: boolean;
    /**
     * The random token stored as state['gwi'] at startup.
     */
    token: string | null;
    scope: PyProjection;
    /**
     * time.time() at startup.complete.
     */
    time: number | null;
    /**
     * The lifespan scope had 'state' and the token was stored in it.
     */
    stateSet: boolean;
  };
  process: {
    pid: number;
    /**
     * type(asyncio.get_running_loop()).__name__, e.g. _UnixSelectorEventLoop or Loop (uvloop).
     */
    loop: string;
    /**
     * major.minor.micro of the interpreter.
     */
    python: string;
  };
}
/**
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
 * via the `definition` "pyBytes".
 */
export interface PyBytes {
  /**
   * The octets as code points U+0000-U+00FF, one per octet.
   */
  bytes: string;
}
/**
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
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
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
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
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
 * via the `definition` "pyDict".
 */
export interface PyDict {
  [k: string]: PyNonStrKey | PyProjection;
}
/**
 * This interface was referenced by `AsgiProbeReport`'s JSON-Schema
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
