package io.github.pyrelease.policyfile;

import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.text.Glob;
import java.util.List;
import java.util.regex.Pattern;

/** A test rule with an option of every type, to check what the loader accepts and refuses. */
final class OptionsRule extends AbstractRule {

  static final RuleOption<String> NAME = RuleOption.string("name", null, "a name");
  static final RuleOption<Boolean> STRICT = RuleOption.bool("strict", false, "be strict");
  static final RuleOption<Long> LIMIT = RuleOption.integer("limit", 3, "how many");
  static final RuleOption<List<String>> ALLOW =
      RuleOption.strings("allow", List.of("main"), "allowed branches");
  static final RuleOption<List<Glob>> FORBID =
      RuleOption.globs("forbid", List.of("**/.env"), "forbidden paths");
  static final RuleOption<Pattern> MATCH = RuleOption.regex("match", null, "a pattern");

  final RuleOptions options;

  OptionsRule(RuleOptions options) {
    super("options-rule", Stage.RELEASE, Level.WARNING, "a rule with options of every type");
    this.options = options;
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(NAME, STRICT, LIMIT, ALLOW, FORBID, MATCH);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return Verdict.pass("allow " + options.get(ALLOW) + ", limit " + options.get(LIMIT));
  }
}
