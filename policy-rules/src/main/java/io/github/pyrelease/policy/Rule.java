package io.github.pyrelease.policy;

import java.util.List;

/**
 * One release rule. A rule reads facts and returns a verdict; it does no I/O of its own, so it can
 * be tested with plain values. A rule with options has a public constructor taking {@link
 * RuleOptions}; its no-argument constructor gives every option its default.
 */
public interface Rule {

  /** The id users write in policy files, such as {@code version-consistent}. */
  String id();

  Stage stage();

  /** The level the rule has when the policy does not mention it. */
  Level defaultLevel();

  /** What the rule checks, in one line. */
  String description();

  /** The options the rule takes in a policy file, with types and defaults. */
  default List<RuleOption<?>> options() {
    return List.of();
  }

  /**
   * Evaluates the rule.
   *
   * @throws io.github.pyrelease.FactUnavailableException when a fact it needs cannot be obtained
   */
  Verdict evaluate(Facts facts);
}
