/* Generated from spec/psgi/probe-report.schema.json by npm run gen:types. Do not edit. */

/**
 * What the PSGI probe (fixtures/psgi/probe/gwi_psgi_probe.psgi) reports of one request. Octet strings are JSON strings of code points U+0000-U+00FF, one per octet.
 */
export interface PsgiProbeReport {
  format: 1;
  interface: 'psgi';
  env: {
    [k: string]: PerlValue;
  };
  input: {
    /**
     * Whether psgi.input could be read with read.
     */
    read: boolean;
    /**
     * What reading psgi.input to its end gave.
     */
    body: string;
    /**
     * Where psgix.input.buffered is true: what reading psgi.input to its end gave again after seek(0, 0) (null: seek returned false or died; see seekError). Absent elsewhere.
     */
    afterSeek?: string | null;
    /**
     * How seek failed: returned false, or the error it died with.
     */
    seekError?: string;
  };
  errors: {
    print: boolean;
  };
  /**
   * GWI_SERVER_TOKEN from the probe's environment.
   */
  token?: string;
}
/**
 * A Perl value: kind scalar (with its value), undef, ARRAY (an unblessed array reference, with its first 20 items), object (blessed, with its class) or another reference type.
 *
 * This interface was referenced by `PsgiProbeReport`'s JSON-Schema
 * via the `definition` "perlValue".
 */
export interface PerlValue {
  kind: string;
  value?: string;
  class?: string;
  items?: PerlValue[];
}
