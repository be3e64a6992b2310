package io.github.pyrelease.policy.rules;

import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitStatus;
import io.github.pyrelease.git.GitStatus.DirtyPath;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.text.Glob;
import java.util.List;

/**
 * Nothing uncommitted: no modified, staged, deleted, conflicting or untracked-not-ignored file, so
 * what is released is exactly what the commit holds. pyrelease's own reports are not counted.
 */
public final class CleanTreeRule extends AbstractRule {

  public static final RuleOption<List<Glob>> ALLOW =
      RuleOption.globs(
          "allow",
          List.of(),
          "paths, relative to the repository root, that may be dirty (such as CHANGELOG.md)");

  private final List<Glob> allow;

  public CleanTreeRule() {
    this(RuleOptions.defaults());
  }

  public CleanTreeRule(RuleOptions options) {
    super(
        "clean-tree",
        Stage.RELEASE,
        Level.ERROR,
        "the work tree has no uncommitted or untracked files");
    this.allow = options.get(ALLOW);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(ALLOW);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return ReleaseFacts.inRepository(facts, git -> check(facts, git));
  }

  private Verdict check(Facts facts, GitFacts git) {
    GitStatus status = git.status();
    List<DirtyPath> dirty =
        status.paths().stream()
            .filter(p -> allow.stream().noneMatch(g -> g.matches(p.path())))
            .toList();
    int allowed = status.paths().size() - dirty.size();
    if (dirty.isEmpty()) {
      return Verdict.pass(
          allowed == 0
              ? "the work tree is clean"
              : "the work tree is clean but for " + allowed + " allowed path(s)");
    }
    List<Evidence> evidence =
        dirty.stream()
            .map(p -> new Evidence(null, 0, p.change().label() + ": " + p.path()))
            .toList();
    String count = dirty.size() == 1 ? "1 file is" : dirty.size() + " files are";
    return Verdict.of(
        count + " not committed",
        List.of(
            Finding.of(
                "dirty",
                count + " not committed, so the release would not match its commit",
                ReleaseFacts.capped(evidence),
                "commit them, or set them aside with 'git stash --include-untracked'; add build"
                    + " outputs to .gitignore; list paths that may be dirty in the option 'allow'"
                    + " of clean-tree")));
  }
}
