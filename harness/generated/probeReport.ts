/* Generated from spec/wsgi/probe-report.schema.json by npm run gen:types. Do not edit. */

/**
 * What the WSGI probe application saw and did for one request (protocol version 1). Octet strings are carried as JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface ProbeReport {
  probe: 'gwi-probe';
  version: 1;
  /**
   * GWI_SERVER_TOKEN from the environment of the process the probe runs in: the server start this answer comes from. Absent when the server does not pass its environment on to the application.
   */
  token?: string;
  call?: ApplicationCall;
  /**
   * Attributes looked up on the application object (an instance with __call__) in the process that answered, since it started: the server's, since the probe looks up none.
   *
   * @maxItems 20
   */
  applicationLookups?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  invocation?: Invocation;
  /**
   * type(environ).__name__, qualified with the module when it is not builtins: dict for the built-in type.
   */
  environType: string;
  /**
   * Every str key of the environ with its value's type and a JSON rendering of the value.
   */
  environ: {
    [k: string]: PyValue;
  };
  /**
   * repr() of every key that is not a str.
   */
  nonStrKeys: string[];
  input: {
    methods: Methods;
    calls: StreamCall[];
    /**
     * The last call did not return within the deadline the harness set.
     */
    blocked: boolean;
  };
  errors: {
    methods: Methods;
    calls: StreamCall[];
  };
}
/**
 * How the server called the application: the number of positional arguments and the names of keyword arguments.
 */
export interface ApplicationCall {
  positional: number;
  keywords: string[];
}
/**
 * Present when the request carried X-Gwi-Hold: the process and OS thread that ran the call, and when it entered and left it (milliseconds since the epoch), after holding the call that long.
 */
export interface Invocation {
  pid: number;
  thread: number;
  enteredMs: number;
  leftMs: number;
}
/**
 * This interface was referenced by `ProbeReport`'s JSON-Schema
 * via the `definition` "pyValue".
 */
export interface PyValue {
  /**
   * type(value).__name__, qualified with the module when it is not builtins.
   */
  type: string;
  /**
   * str as itself, bytes as octet string, bool/int/float/None as JSON, tuple/list items as PyValue; absent for other types.
   */
  value?: string | number | boolean | null | PyValue[];
  /**
   * bool(value), when it could be computed.
   */
  truthy?: boolean;
}
/**
 * Method name to whether the stream has it as a callable attribute.
 *
 * This interface was referenced by `ProbeReport`'s JSON-Schema
 * via the `definition` "methods".
 */
export interface Methods {
  [k: string]: boolean;
}
/**
 * This interface was referenced by `ProbeReport`'s JSON-Schema
 * via the `definition` "call".
 */
export interface StreamCall {
  /**
   * The plan step that made this call, e.g. read:5.
   */
  op: string;
  result?: PyValue;
  /**
   * ExceptionType: message, when the call raised.
   */
  error?: string;
  /**
   * The call had not returned when the deadline passed.
   */
  blocked?: true;
}
