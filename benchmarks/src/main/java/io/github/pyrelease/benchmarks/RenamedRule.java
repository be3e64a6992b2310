package io.github.pyrelease.benchmarks;

import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import java.util.List;

/** A real rule registered under another id, so a policy can configure many copies of it. */
final class RenamedRule implements Rule {

  private final String id;
  private final Rule rule;

  RenamedRule(String id, Rule rule) {
    this.id = id;
    this.rule = rule;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Stage stage() {
    return rule.stage();
  }

  @Override
  public Level defaultLevel() {
    return rule.defaultLevel();
  }

  @Override
  public String description() {
    return rule.description();
  }

  @Override
  public List<RuleOption<?>> options() {
    return rule.options();
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return rule.evaluate(facts);
  }
}
