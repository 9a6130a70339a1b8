/* Generated from spec/rule.schema.json by npm run gen:types. Do not edit. */

/**
 * This interface was referenced by `RuleFile`'s JSON-Schema
 * via the `definition` "level".
 */
export type Level = 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'MAY';

/**
 * A file of normative rules, one per statement of the source section it is named after.
 */
export interface RuleFile {
  $schema?: string;
  /**
   * The heading of the source section this file follows.
   */
  title: string;
  source: SourceRef;
  /**
   * @minItems 1
   */
  rules: [Rule, ...Rule[]];
  /**
   * What the rules of the file judge: a server (driven over HTTP, hosting the probe) or an application (called by the driver).
   */
  subject?: 'server' | 'application';
}
/**
 * One key of spec/sources.json mapped to the anchor of the section.
 *
 * This interface was referenced by `RuleFile`'s JSON-Schema
 * via the `definition` "sourceRef".
 */
export interface SourceRef {
  [k: string]: string;
}
/**
 * This interface was referenced by `RuleFile`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface Rule {
  /**
   * Stable, semantic, dotted; never renumbered.
   */
  id: string;
  level: Level;
  /**
   * requirement: a deviation is a finding. profile: the source leaves a choice; the harness records which one the implementation made.
   */
  kind?: 'requirement' | 'profile';
  /**
   * What is required, in our own words.
   */
  requirement: string;
  /**
   * A few words of the source where the exact wording matters.
   */
  quote?: string;
  /**
   * @minItems 1
   */
  source: [SourceRef, ...SourceRef[]];
  /**
   * What the harness does to check it, in a phrase.
   */
  checks: string;
  /**
   * A capability the adapter must declare for the rule to apply; otherwise it is skipped with this as the reason.
   */
  capability?: string;
  /**
   * For a rule shared by several interfaces (the security profile): interfaces whose own spec leaves the matter open, each with the reason; for their adapters the rule is skipped with that reason instead of judged.
   */
  notFor?: {
    [k: string]: string;
  };
  /**
   * For ASGI: the range of the sub-spec's spec_version (as the server declares it in scope['asgi']['spec_version'], or the sub-spec's default when it is missing) the rule applies to; absent = all versions. Both ends are inclusive.
   */
  specVersion?: {
    /**
     * The first spec_version the rule applies to.
     */
    since?: string;
    /**
     * The last spec_version the rule applies to.
     */
    until?: string;
  };
}
