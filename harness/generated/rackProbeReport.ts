/* Generated from spec/rack/probe-report.schema.json by npm run gen:types. Do not edit. */

/**
 * What the Rack probe (fixtures/rack/probe/gwi_rack_probe.rb) reports of one request. Octet strings are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface RackProbeReport {
  format: 1;
  interface: 'rack';
  /**
   * Every key of the environment with its value.
   */
  env: {
    [k: string]: RubyValue;
  };
  input: {
    /**
     * Which of the SPEC's methods rack.input responds to.
     */
    responds: ('gets' | 'each' | 'read' | 'rewind')[];
    /**
     * What rack.input.read returned (null: no read method).
     */
    read: string | null;
    /**
     * The encoding of what read returned.
     */
    readEncoding: string | null;
    /**
     * What read returned after rewind.
     */
    afterRewind: string | null;
    /**
     * true, the exception rewind raised, or null without rewind.
     */
    rewound: boolean | string | null;
  };
  errors: {
    responds: ('puts' | 'write' | 'flush')[];
  };
  /**
   * GWI_SERVER_TOKEN from the probe's environment: the server start this answer comes from.
   */
  token?: string;
}
/**
 * A Ruby value: its class, and for String, Integer, true, false, nil its value (a String's octets, with its encoding), for an Array its first 20 items.
 *
 * This interface was referenced by `RackProbeReport`'s JSON-Schema
 * via the `definition` "rubyValue".
 */
export interface RubyValue {
  class: string;
  value?: string | number | boolean | null;
  encoding?: string;
  items?: RubyValue[];
}
