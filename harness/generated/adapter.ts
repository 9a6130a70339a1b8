/* Generated from spec/adapter.schema.json by npm run gen:types. Do not edit. */

/**
 * How gwi-test runs an implementation. kind server: it starts a server hosting the probe application, knows it is ready, and stops it. kind application: the interface's driver (fixtures/<interface>/driver) imports the named application and calls it with generated environs. In commands, env values, path and cwd these placeholders are replaced: {python} (the interpreter found), {port}, {probeDir} (folder holding the interface's probe module), {probeModule} (gwi_probe for WSGI, gwi_asgi_probe for ASGI), {probeApp} (module:application), {adapterDir}, {tmpDir} (a private temporary folder, removed afterwards).
 */
export type AdapterFile = {
  $schema?: string;
  name: string;
  description?: string;
  /**
   * The gateway interface the implementation speaks; it picks the plugin (probe, suite, driver) that tests it.
   */
  interface: 'wsgi' | 'asgi' | 'cgi' | 'rack' | 'psgi';
  /**
   * server: gwi-test drives it over HTTP with the probe as its application. application: gwi-test's driver calls it in-process, as a strict server would.
   */
  kind: 'server' | 'application';
  /**
   * How to find {python}: the GWI_PYTHON environment variable if set, else the first candidate that imports every module listed.
   */
  python?: {
    /**
     * @minItems 1
     */
    candidates?: [string, ...string[]];
    modules?: string[];
  };
  /**
   * argv of the server process; it must stay in the foreground.
   *
   * @minItems 1
   */
  command?: [string, ...string[]];
  /**
   * Working folder of the server or driver: {tmpDir} for a server, {adapterDir} for an application, when not given.
   */
  cwd?: string;
  /**
   * Added to the minimal environment (PATH, LANG, HOME={tmpDir}) the server starts with.
   */
  env?: {
    [k: string]: string;
  };
  /**
   * Files to write into {tmpDir} before starting, name to content (placeholders expanded): private configuration.
   */
  files?: {
    [k: string]: string;
  };
  stopSignal?: 'SIGTERM' | 'SIGINT' | 'SIGQUIT' | 'SIGHUP';
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /**
   * How many requests the server can work on at once; gwi-test never has more in flight.
   */
  concurrency?: number;
  /**
   * Optional features the server supports. file-wrapper (WSGI): rules that need it are skipped, with that reason, without it. chunked-request-body: generated requests also use chunked bodies (every server gets a fixed chunked request either way). lifespan (ASGI): the server runs the lifespan protocol; lifespan rules are skipped without it. websocket (ASGI): the server accepts WebSocket handshakes; WebSocket rules are skipped without it.
   */
  capabilities?: ('chunked-request-body' | 'file-wrapper' | 'lifespan' | 'websocket')[];
  /**
   * The path prefix the probe is mounted at (SCRIPT_NAME); empty for the root.
   */
  scriptName?: string;
  /**
   * Commands whose first output line is a version to record in the report.
   */
  versions?: {
    name: string;
    /**
     * @minItems 1
     */
    command: [string, ...string[]];
  }[];
  /**
   * kind application: what the interface's driver loads. WSGI and ASGI: module:callable (an attribute path after the colon is allowed), imported with the adapter's folder first on sys.path. Rack: a rackup file (.ru) relative to the adapter's folder. PSGI: a .psgi file relative to the adapter's folder.
   */
  application?: string;
  /**
   * kind application: folders put first on sys.path before the import (default: the adapter's folder).
   */
  path?: string[];
};
