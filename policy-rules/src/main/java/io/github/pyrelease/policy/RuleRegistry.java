package io.github.pyrelease.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A set of rules with unique ids, in evaluation order, each configurable with its options. */
public final class RuleRegistry {

  private final Map<String, Function<RuleOptions, Rule>> factories = new LinkedHashMap<>();
  private final Map<String, Rule> defaults = new LinkedHashMap<>();

  /**
   * @param factories one per rule: builds the rule from its options (usually a constructor
   *     reference such as {@code ChangelogEntryRule::new})
   */
  public RuleRegistry(List<Function<RuleOptions, Rule>> factories) {
    for (Function<RuleOptions, Rule> factory : factories) {
      Rule rule = factory.apply(RuleOptions.defaults());
      if (defaults.putIfAbsent(rule.id(), rule) != null) {
        throw new IllegalArgumentException("two rules have the id " + rule.id());
      }
      this.factories.put(rule.id(), factory);
    }
  }

  /** A registry of ready-made rules that take no options. */
  public static RuleRegistry of(List<Rule> rules) {
    return new RuleRegistry(rules.stream().<Function<RuleOptions, Rule>>map(r -> o -> r).toList());
  }

  /** Every rule with its options at their defaults. */
  public List<Rule> all() {
    return List.copyOf(defaults.values());
  }

  public Optional<Rule> find(String id) {
    return Optional.ofNullable(defaults.get(id));
  }

  /** The rule {@code id} configured with {@code options}. */
  public Rule configure(String id, RuleOptions options) {
    Function<RuleOptions, Rule> factory = factories.get(id);
    if (factory == null) {
      throw new IllegalArgumentException("no rule has the id " + id);
    }
    return factory.apply(options);
  }
}
