package io.github.pyrelease.policy;

import java.util.List;
import java.util.Map;

/**
 * What a policy says about one rule.
 *
 * @param level the rule's level, or {@code null} to keep its default
 * @param options the rule's options as written in the policy (converted by {@link RuleOptions})
 * @param waivers the findings of this rule the policy accepts for a while
 */
public record RuleSetting(Level level, Map<String, Object> options, List<Waiver> waivers) {

  public RuleSetting {
    options = Map.copyOf(options);
    waivers = List.copyOf(waivers);
  }

  public RuleSetting(Level level, Map<String, Object> options) {
    this(level, options, List.of());
  }

  public static RuleSetting level(Level level) {
    return new RuleSetting(level, Map.of());
  }
}
