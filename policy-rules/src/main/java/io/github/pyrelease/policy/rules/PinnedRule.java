package io.github.pyrelease.policy.rules;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Every dependency is installed at one exact version, so an audit of it holds for what is
 * installed: a requirement such as {@code requests>=2.31} (declared dependencies, an unpinned line
 * of a requirements file, a path or VCS entry of a lock file) is a finding that names where it is
 * written.
 */
public final class PinnedRule extends AbstractRule {

  public static final RuleOption<List<String>> ALLOW_UNPINNED =
      RuleOption.strings(
          "allow-unpinned",
          List.of(),
          "dependencies (by name) that may stay unpinned, such as a local package installed from"
              + " a path");

  private final List<String> allowUnpinned;

  public PinnedRule() {
    this(RuleOptions.defaults());
  }

  public PinnedRule(RuleOptions options) {
    super(
        "pinned",
        Stage.DEPS,
        // a library declares ranges on purpose: an application's policy raises this to error
        Level.WARNING,
        "every dependency is pinned to one exact version (a lock file or pinned requirements)");
    this.allowUnpinned =
        options.get(ALLOW_UNPINNED).stream().map(Requirement::normalizeName).toList();
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(ALLOW_UNPINNED);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    DependencyInventory inventory = facts.dependencies();
    if (inventory.dependencies().isEmpty()) {
      return Verdict.notApplicable("the project has no dependencies");
    }
    List<Finding> findings = new ArrayList<>();
    for (Dependency d : inventory.dependencies()) {
      if (d.version() == null && !allowUnpinned.contains(d.normalizedName())) {
        findings.add(
            Finding.of(
                d.normalizedName(),
                d.name()
                    + " is not pinned to one version: '"
                    + d.requirement()
                    + "' at "
                    + d.origin().where(),
                List.of(new Evidence(d.origin().file(), d.origin().line(), d.requirement())),
                fix(inventory.source())));
      }
    }
    int count = inventory.dependencies().size();
    String from = String.join(", ", inventory.files());
    if (findings.isEmpty()) {
      return Verdict.pass(
          count + (count == 1 ? " dependency is" : " dependencies are") + " pinned (" + from + ")");
    }
    return Verdict.of(
        findings.size() + " of " + count + " dependencies are not pinned (" + from + ")", findings);
  }

  private static String fix(InventorySource source) {
    return switch (source) {
      case DECLARED ->
          "lock the dependencies (uv lock, pip lock, poetry lock, pip-compile) so the audit reads"
              + " what is installed";
      case REQUIREMENTS -> "pin it with ==<version> (pip-compile writes every pin)";
      case LOCK_FILE, INSTALLED ->
          "install it from an index at a released version, or allow it (pinned: allow-unpinned)";
    };
  }
}
