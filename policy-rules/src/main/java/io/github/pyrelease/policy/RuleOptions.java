package io.github.pyrelease.policy;

import io.github.pyrelease.text.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The option values of one configured rule; options not set have their defaults. */
public final class RuleOptions {

  private static final RuleOptions DEFAULTS = new RuleOptions(Map.of());

  private final Map<String, Object> values;

  private RuleOptions(Map<String, Object> values) {
    this.values = values;
  }

  /** Every option at its default. */
  public static RuleOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Converts raw values (as read from a policy file) against the options a rule declares.
   *
   * @throws InvalidOptionException naming the option, what was wrong and the valid choices
   */
  public static RuleOptions of(String ruleId, List<RuleOption<?>> declared, Map<String, ?> raw) {
    Map<String, Object> values = new HashMap<>();
    for (Map.Entry<String, ?> entry : raw.entrySet()) {
      RuleOption<?> option =
          declared.stream()
              .filter(o -> o.name().equals(entry.getKey()))
              .findFirst()
              .orElseThrow(() -> unknown(ruleId, declared, entry.getKey()));
      try {
        values.put(option.name(), option.convert(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new InvalidOptionException(
            ruleId,
            option.name(),
            "option '"
                + option.name()
                + "' of rule '"
                + ruleId
                + "': "
                + e.getMessage()
                + (option.typeName().matches("^[aeiou].*") ? " (an " : " (a ")
                + option.typeName()
                + ": "
                + option.description()
                + ")");
      }
    }
    return new RuleOptions(Map.copyOf(values));
  }

  /** The option's value, or its default when the policy does not set it. */
  @SuppressWarnings("unchecked")
  public <T> T get(RuleOption<T> option) {
    Object value = values.get(option.name());
    return value == null ? option.defaultValue() : (T) value;
  }

  private static InvalidOptionException unknown(
      String ruleId, List<RuleOption<?>> declared, String name) {
    List<String> names = declared.stream().map(RuleOption::name).toList();
    String choices =
        names.isEmpty() ? "it has no options" : "its options are " + String.join(", ", names);
    return new InvalidOptionException(
        ruleId,
        name,
        "rule '"
            + ruleId
            + "' has no option '"
            + name
            + "'"
            + Suggestions.didYouMean(name, names)
            + "; "
            + choices);
  }
}
