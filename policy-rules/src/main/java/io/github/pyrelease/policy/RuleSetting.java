package io.github.pyrelease.policy;

import java.util.Map;

/**
 * What a policy says about one rule.
 *
 * @param level the rule's level, or {@code null} to keep its default
 * @param options the rule's options as written in the policy (converted by {@link RuleOptions})
 */
public record RuleSetting(Level level, Map<String, Object> options) {

  public RuleSetting {
    options = Map.copyOf(options);
  }

  public static RuleSetting level(Level level) {
    return new RuleSetting(level, Map.of());
  }
}
