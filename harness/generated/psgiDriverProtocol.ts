/* Generated from spec/psgi/driver-protocol.schema.json by npm run gen:types. Do not edit. */

/**
 * Version 1 of the protocol between gwi-test and the PSGI application driver (fixtures/psgi/driver/gwi_psgi_driver.pl). The harness writes one command per line (JSON, UTF-8) on the driver's stdin; the driver answers each with exactly one reply line on stdout, in order. Anything else the application prints goes to stderr. Replies of kind `error` are the driver's or the loader's own failures (harness errors); whatever the application does wrong while being called is data inside a `called` reply. Strings that stand for octets are JSON strings of code points U+0000-U+00FF, one per octet; a Perl string with characters above 255 keeps them.
 */
export type PsgiDriverProtocol = PsgiDriverCommand | PsgiDriverReply;
export type PsgiDriverCommand = PsgiStartCommand | PsgiCallCommand | PsgiStopCommand;
export type PsgiDriverReply = PsgiStartedReply | PsgiCalledReply | PsgiDriverErrorReply;
export type PsgiDriverEvent =
  | PsgiResponseEvent
  | PsgiResponderEvent
  | PsgiChunkEvent
  | PsgiBodyEndEvent
  | PsgiWriterEvent
  | PsgiStreamEvent
  | PsgiDiedEvent
  | PsgiBodyOutEvent;
/**
 * undef, scalar (a plain string or number), a reference type (ARRAY, HASH, CODE, GLOB, SCALAR) or the class of a blessed reference.
 */
export type PerlType = string;

/**
 * First command: load the .psgi file (run it as Plack::Util::load_psgi does; its last value is the application). Answered by `started` or `error`.
 */
export interface PsgiStartCommand {
  cmd: 'start';
  protocol: 1;
  /**
   * The .psgi file, relative to the first folder of `path` that holds it.
   */
  application: string;
  /**
   * Folders searched for the file and put first on @INC.
   */
  path?: string[];
}
/**
 * Call the application once with this environment, play the strict server, and report what it does.
 */
export interface PsgiCallCommand {
  cmd: 'call';
  seq: number;
  /**
   * The CGI-style keys (REQUEST_METHOD, PATH_INFO, HTTP_*), string to string. The driver adds the psgi.* keys.
   */
  env: {
    [k: string]: string;
  };
  urlScheme?: 'http' | 'https';
  /**
   * What psgi.streaming says (a server without delayed responses says false).
   */
  streaming?: boolean;
  /**
   * What psgi.input holds.
   */
  body: string;
  /**
   * Each read hands out at most this many bytes; unlimited when absent.
   */
  maxRead?: number;
  /**
   * Take at most this many body pieces from an array or a handle.
   */
  maxChunks?: number;
}
export interface PsgiStopCommand {
  cmd: 'stop';
}
export interface PsgiStartedReply {
  reply: 'started';
  protocol: 1;
  /**
   * Perl's version first (5.36.0), then a word in parentheses.
   */
  runtime: string;
}
export interface PsgiCalledReply {
  reply: 'called';
  seq: number;
  /**
   * Everything the application did, in order.
   */
  events: PsgiDriverEvent[];
}
/**
 * A response: what the application returned (via return; type CODE for a delayed response) or gave the responder.
 */
export interface PsgiResponseEvent {
  e: 'response';
  via: 'return' | 'responder';
  type: PerlType;
  /**
   * For an array reference: how many elements.
   */
  length?: number;
  status?: PerlValue;
  headers?: {
    type: PerlType;
    length?: number;
    /**
     * Keys and values in turn (the first 200).
     */
    items?: PerlValue[];
  };
  body?: {
    type: PerlType;
    /**
     * A blessed body that can getline.
     */
    getline: boolean;
    /**
     * A blessed body that can close.
     */
    close: boolean;
  };
}
/**
 * A value the application gave where a string is expected: its type, and for a plain scalar its text (the first 2000 characters) and whether it holds a character above 255.
 */
export interface PerlValue {
  type: PerlType;
  text?: string;
  wide?: boolean;
}
export interface PsgiResponderEvent {
  e: 'responder';
  type: PerlType;
  /**
   * For an array reference: how many elements.
   */
  length: number | null;
}
/**
 * One piece of body: an array element, a getline result or a writer's write.
 */
export interface PsgiChunkEvent {
  e: 'chunk';
  via: 'array' | 'getline' | 'write';
  type: PerlType;
  /**
   * Characters, for a plain scalar.
   */
  length: number | null;
  wide?: boolean;
}
export interface PsgiBodyEndEvent {
  e: 'body-end';
  items: number;
  /**
   * The driver stopped at maxChunks.
   */
  truncated: boolean;
}
export interface PsgiWriterEvent {
  e: 'writer';
  /**
   * close, or another method the writer does not have.
   */
  method: string;
}
export interface PsgiStreamEvent {
  e: 'stream';
  stream: 'input' | 'errors';
  method: string;
  /**
   * read or seek on psgi.input, print on psgi.errors.
   */
  interface: boolean;
  /**
   * read: bytes handed out before this call.
   */
  consumedBefore?: number;
  /**
   * read: bytes this call handed out.
   */
  returned?: number;
}
export interface PsgiDiedEvent {
  e: 'died';
  where: 'call' | 'callback' | 'getline' | 'close';
  message: string;
}
export interface PsgiBodyOutEvent {
  e: 'body';
  /**
   * Octets of body (wide strings counted UTF-8 encoded).
   */
  length: number;
  /**
   * The first 256 octets.
   */
  head: string;
}
export interface PsgiDriverErrorReply {
  reply: 'error';
  seq?: number | null;
  code: 'bad-command' | 'load-failed' | 'not-callable' | 'internal';
  message: string;
  traceback?: string;
}
