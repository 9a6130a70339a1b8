/* Generated from spec/wsgi/driver-protocol.schema.json by npm run gen:types. Do not edit. */

/**
 * Version 1 of the protocol between gwi-test and the application driver (fixtures/wsgi/driver/gwi_driver.py). The harness writes one command per line (JSON, UTF-8) on the driver's stdin; the driver answers each with exactly one reply line on stdout, in order, and flushes it. Anything else the application prints goes to stderr. Replies of kind `error` are the driver's or the application loader's own failures (harness errors); whatever the application does wrong while being called is data inside a `called` reply. Strings that stand for octets (bodies, chunk contents) are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export type DriverProtocol = DriverCommand | DriverReply;
export type DriverCommand = StartCommand | CallCommand | StopCommand;
export type DriverReply = StartedReply | CalledReply | DriverErrorReply;
export type DriverEvent =
  | StartResponseEvent
  | ReturnedEvent
  | ChunkEvent
  | WriteEvent
  | IterationEndEvent
  | LookupEvent
  | FileWrapperEvent
  | ClosedEvent
  | RaisedEvent
  | StreamCallEvent
  | BodyEvent;
/**
 * type(x).__name__, with the module for types outside builtins (module.Name).
 */
export type PyType = string;

/**
 * First command: load the application. Answered by `started` or `error`.
 */
export interface StartCommand {
  cmd: 'start';
  protocol: 1;
  /**
   * module:callable; the callable may be an attribute path (module:object.attr).
   */
  application: string;
  /**
   * Folders put first on sys.path before importing.
   */
  path?: string[];
}
/**
 * Call the application once with this environ, play the strict server, and report every call it makes.
 */
export interface CallCommand {
  cmd: 'call';
  seq: number;
  /**
   * The CGI and HTTP_ variables, str to str (code points U+0000-U+00FF). The driver adds the wsgi.* keys.
   */
  environ: {
    [k: string]: string;
  };
  urlScheme?: 'http' | 'https';
  multithread?: boolean;
  multiprocess?: boolean;
  runOnce?: boolean;
  /**
   * Offer wsgi.file_wrapper (an optional key).
   */
  fileWrapper?: boolean;
  /**
   * What wsgi.input holds.
   */
  body: string;
  /**
   * Each read hands out at most this many bytes (short reads, as a socket gives); unlimited when absent.
   */
  maxRead?: number;
  /**
   * Stop iterating after this many items (an endless iterable is reported, not followed).
   */
  maxChunks?: number;
}
export interface StopCommand {
  cmd: 'stop';
}
export interface StartedReply {
  reply: 'started';
  protocol: 1;
  /**
   * sys.version, first line.
   */
  python: string;
}
export interface CalledReply {
  reply: 'called';
  seq: number;
  /**
   * Everything the application did, in order.
   */
  events: DriverEvent[];
}
export interface StartResponseEvent {
  e: 'start_response';
  index: number;
  /**
   * How many positional arguments.
   */
  args: number;
  keywords: string[];
  status: PyStr;
  headers: {
    type: PyType;
    items: HeaderItem[];
  };
  /**
   * What was passed as exc_info; type NoneType when absent or None.
   */
  excInfo: {
    type: PyType;
    length?: number | null;
  };
  /**
   * Whether body bytes had already gone out when it was called.
   */
  headersSent: boolean;
  /**
   * The type of the exception the application was handling when it called (sys.exc_info() in start_response), or null.
   */
  handling?: string | null;
  /**
   * The exception type start_response raised, if it did.
   */
  raised?: string;
}
/**
 * A value the application passed where a str is expected: its type, and its text when it is a str or bytes (bytes as one code point per octet).
 */
export interface PyStr {
  type: PyType;
  text?: string;
  /**
   * For a str: its largest code point.
   */
  maxCodePoint?: number;
}
export interface HeaderItem {
  type: PyType;
  /**
   * len(item), null when it has none.
   */
  length?: number | null;
  name?: PyStr;
  value?: PyStr;
}
export interface ReturnedEvent {
  e: 'returned';
  type: PyType;
  iterable: boolean;
  hasClose: boolean;
  /**
   * len(result) when that works, else null.
   */
  len: number | null;
  /**
   * The result is a file object (an io.IOBase).
   */
  file?: boolean;
}
export interface ChunkEvent {
  e: 'chunk';
  index: number;
  type: PyType;
  length: number | null;
  afterStartResponse: boolean;
}
export interface WriteEvent {
  e: 'write';
  type: PyType;
  length: number | null;
  inIteration: boolean;
}
export interface IterationEndEvent {
  e: 'iteration-end';
  items: number;
  /**
   * The driver stopped at maxChunks.
   */
  truncated: boolean;
}
/**
 * The application looked up an attribute of a callable the driver gave it, instead of only calling it.
 */
export interface LookupEvent {
  e: 'lookup';
  of: 'start_response' | 'write';
  attr: string;
}
/**
 * The first read the driver's wsgi.file_wrapper made on the application's file-like object.
 */
export interface FileWrapperEvent {
  e: 'file_wrapper';
  /**
   * The object has a callable read.
   */
  hasRead: boolean;
  /**
   * read(size) returned rather than raised.
   */
  sizedRead: boolean;
  /**
   * What read(size) raised.
   */
  error?: string;
}
export interface ClosedEvent {
  e: 'closed';
}
export interface RaisedEvent {
  e: 'raised';
  where: 'call' | 'iteration' | 'close';
  exception: PyException;
  /**
   * It is the very exception start_response raised when called with exc_info.
   */
  fromStartResponse: boolean;
}
export interface PyException {
  type: string;
  message: string;
  /**
   * The last frames, for the report.
   */
  traceback?: string;
}
export interface StreamCallEvent {
  e: 'stream';
  stream: 'input' | 'errors';
  method: string;
  args?: PyStr[];
  /**
   * The method is one PEP 3333 lists for this stream.
   */
  interface?: boolean;
  /**
   * wsgi.input: bytes handed out before this call.
   */
  consumedBefore?: number;
  /**
   * wsgi.input: bytes this call handed out.
   */
  returned?: number;
}
export interface BodyEvent {
  e: 'body';
  /**
   * Bytes of response body (write() and chunks).
   */
  length: number;
  /**
   * The first 256 octets.
   */
  head: string;
}
export interface DriverErrorReply {
  reply: 'error';
  seq?: number | null;
  code: 'bad-command' | 'load-failed' | 'not-callable' | 'internal';
  message: string;
  traceback?: string;
}
