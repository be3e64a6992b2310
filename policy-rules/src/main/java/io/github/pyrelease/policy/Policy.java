package io.github.pyrelease.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The level and options of each rule. Rules it does not name keep their defaults.
 *
 * @param settings rule id to setting
 * @param unavailable the level of a "not checked" finding, when a rule cannot obtain a fact it
 *     needs (offline, server down); never more severe than the rule's own level
 * @param origin where the policy came from, for messages (a file, or "built-in default policy")
 */
public record Policy(Map<String, RuleSetting> settings, Level unavailable, String origin) {

  public static final String BUILT_IN = "built-in default policy";

  /** Offline builds keep working by default: a fact that cannot be had is a warning. */
  public static final Level DEFAULT_UNAVAILABLE = Level.WARNING;

  public Policy {
    settings = Map.copyOf(new LinkedHashMap<>(settings));
    java.util.Objects.requireNonNull(unavailable, "unavailable");
  }

  /** The built-in default policy: every rule at its default level. */
  public static Policy defaults() {
    return new Policy(Map.of(), DEFAULT_UNAVAILABLE, BUILT_IN);
  }

  /** A policy that only sets levels. */
  public static Policy ofLevels(Map<String, Level> levels, String origin) {
    Map<String, RuleSetting> settings = new LinkedHashMap<>();
    levels.forEach((id, level) -> settings.put(id, RuleSetting.level(level)));
    return new Policy(settings, DEFAULT_UNAVAILABLE, origin);
  }

  /** The level {@code rule} has under this policy. */
  public Level levelOf(Rule rule) {
    RuleSetting setting = settings.get(rule.id());
    return setting == null || setting.level() == null ? rule.defaultLevel() : setting.level();
  }

  /** Whether the policy gives {@code rule} a level of its own. */
  public boolean setsLevelOf(Rule rule) {
    RuleSetting setting = settings.get(rule.id());
    return setting != null && setting.level() != null;
  }

  /** The waivers the policy declares for the rule {@code ruleId}, in policy order. */
  public List<Waiver> waiversOf(String ruleId) {
    RuleSetting setting = settings.get(ruleId);
    return setting == null ? List.of() : setting.waivers();
  }

  /**
   * The options {@code rule} has under this policy.
   *
   * @throws InvalidOptionException when the policy sets an option the rule lacks, or a wrong type
   */
  public RuleOptions optionsOf(Rule rule) {
    RuleSetting setting = settings.get(rule.id());
    return setting == null
        ? RuleOptions.defaults()
        : RuleOptions.of(rule.id(), rule.options(), setting.options());
  }
}
