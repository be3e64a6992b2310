package io.github.pyrelease.policy;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which rules an evaluation runs: those of the given stages, and of those only the named ones when
 * names are given.
 */
public record RuleSelection(Set<Stage> stages, Set<String> ruleIds) {

  public RuleSelection {
    stages = stages.isEmpty() ? EnumSet.allOf(Stage.class) : EnumSet.copyOf(stages);
    ruleIds = Set.copyOf(ruleIds);
  }

  public static RuleSelection all() {
    return new RuleSelection(Set.of(), Set.of());
  }

  public static RuleSelection stage(Stage stage) {
    return new RuleSelection(Set.of(stage), Set.of());
  }

  /** Whether the rule belongs to a selected stage. */
  boolean inStage(Rule rule) {
    return stages.contains(rule.stage());
  }

  /** Whether the user asked for this rule by name, or asked for no names at all. */
  boolean named(Rule rule) {
    return ruleIds.isEmpty() || ruleIds.contains(rule.id());
  }
}
