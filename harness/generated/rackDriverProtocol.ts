/* Generated from spec/rack/driver-protocol.schema.json by npm run gen:types. Do not edit. */

/**
 * Version 1 of the protocol between gwi-test and the Rack application driver (fixtures/rack/driver/gwi_rack_driver.rb), run by ruby. One command per line (JSON, UTF-8) on the driver's stdin; exactly one reply line per command on stdout, in order. Anything the application prints goes to stderr. Replies of kind `error` are the driver's or the loader's own failures (harness errors); what the application does while being called is data inside a `called` reply. Strings that stand for octets (env values, bodies, header text) are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export type RackDriverProtocol = RackDriverCommand | RackDriverReply;
export type RackDriverCommand = RackStartCommand | RackCallCommand | RackStopCommand;
export type RackDriverReply = RackStartedReply | RackCalledReply | RackDriverErrorReply;
export type RackDriverEvent =
  | RackReturnedEvent
  | RackStatusEvent
  | RackHeadersEvent
  | RackBodyEvent
  | RackChunkEvent
  | RackIteratedEvent
  | RackClosedEvent
  | RackStreamEvent
  | RackRaisedEvent;

/**
 * First command: parse the rackup file with Rack::Builder. Answered by `started` or `error`.
 */
export interface RackStartCommand {
  cmd: 'start';
  protocol: 1;
  /**
   * The rackup file, relative to the first folder of `path`.
   */
  application: string;
  /**
   * Folders put first on $LOAD_PATH; the first one is the adapter's folder.
   */
  path?: string[];
}
/**
 * Call the application once with an env made of these variables plus the rack.* keys the driver adds, and report what it did.
 */
export interface RackCallCommand {
  cmd: 'call';
  seq: number;
  /**
   * The CGI-like and HTTP_ variables (code points U+0000-U+00FF, handed to the application as binary Strings). The driver adds rack.version, rack.url_scheme, rack.input, rack.errors, rack.multithread, rack.multiprocess, rack.run_once and rack.hijack? (false).
   */
  env: {
    [k: string]: string;
  };
  /**
   * rack.url_scheme; http when absent.
   */
  scheme?: 'http' | 'https';
  /**
   * What rack.input holds, one code point per octet.
   */
  body: string;
  /**
   * read(length) hands out at most this many bytes at a time (short reads). The harness does not send it: the SPEC says read behaves like IO#read, which reads whole; it is there to try an application by hand.
   */
  maxRead?: number;
}
export interface RackStopCommand {
  cmd: 'stop';
}
export interface RackStartedReply {
  reply: 'started';
  protocol: 1;
  /**
   * RUBY_DESCRIPTION without its leading "ruby ": the version first.
   */
  runtime: string;
}
export interface RackCalledReply {
  reply: 'called';
  seq: number;
  events: RackDriverEvent[];
}
/**
 * What application.call(env) returned: its class, and its length when it is an Array.
 */
export interface RackReturnedEvent {
  e: 'returned';
  type: string;
  length: number | null;
}
/**
 * The first value of the response, and its to_i (null when it has none).
 */
export interface RackStatusEvent {
  e: 'status';
  value: RubyValue;
  toI: number | null;
}
/**
 * A Ruby value: its class name, and its text when it is a String (one code point per byte) or an Integer.
 */
export interface RubyValue {
  type: string;
  text?: string;
}
/**
 * The second value: its class, whether it responds to each, and the pairs each yielded (at most 200).
 */
export interface RackHeadersEvent {
  e: 'headers';
  type: string;
  respondsToEach: boolean;
  items: RackHeaderPair[];
}
export interface RackHeaderPair {
  key: RubyValue;
  value: RubyValue;
}
/**
 * The third value: its class, whether it is a String, which of each, close, to_path and to_ary it responds to, and what to_path gave.
 */
export interface RackBodyEvent {
  e: 'body';
  type: string;
  /**
   * Whether the body is a String (or an instance of a subclass).
   */
  string: boolean;
  respondsTo: {
    each: boolean;
    close: boolean;
    to_path: boolean;
    to_ary: boolean;
  };
  toPath?: RubyValue;
  toPathExists?: boolean;
}
/**
 * One value body.each yielded (the first 64 are reported): its class and, for a String, its byte size.
 */
export interface RackChunkEvent {
  e: 'chunk';
  index: number;
  type: string;
  length: number | null;
}
/**
 * body.each returned: how many values it yielded and their total byte size.
 */
export interface RackIteratedEvent {
  e: 'iterated';
  chunks: number;
  length: number;
}
/**
 * The driver called body.close after iteration (the server's duty), and it returned.
 */
export interface RackClosedEvent {
  e: 'closed';
}
/**
 * The application called a method of rack.input or rack.errors: its name, its arguments and, for gets and read, what it got.
 */
export interface RackStreamEvent {
  e: 'input' | 'errors';
  method: string;
  args: RubyValue[];
  result?: RubyValue;
}
/**
 * An exception escaped the application: from call (where call), from the headers' or the body's each, or from body.close.
 */
export interface RackRaisedEvent {
  e: 'raised';
  where: 'call' | 'headers' | 'body' | 'close';
  exception: RubyException;
}
export interface RubyException {
  type: string;
  message: string;
  backtrace?: string;
}
export interface RackDriverErrorReply {
  reply: 'error';
  seq: number | null;
  code: 'bad-command' | 'load-failed' | 'not-callable' | 'internal';
  message: string;
  traceback?: string;
}
