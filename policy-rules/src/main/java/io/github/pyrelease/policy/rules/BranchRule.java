package io.github.pyrelease.policy.rules;

import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitTag;
import io.github.pyrelease.git.HeadState;
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
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HEAD is on a release branch. A detached HEAD is allowed only at the release tag: that is how CI
 * checks out a tag build.
 */
public final class BranchRule extends AbstractRule {

  public static final RuleOption<List<Glob>> ALLOW =
      RuleOption.globs(
          "allow", List.of("main", "master", "release/*"), "branches releases may be made from");
  public static final RuleOption<String> TAG_FORMAT = TagFormat.option("tag-format");

  private final List<Glob> allow;
  private final TagFormat format;

  public BranchRule() {
    this(RuleOptions.defaults());
  }

  public BranchRule(RuleOptions options) {
    super(
        "branch",
        Stage.RELEASE,
        Level.ERROR,
        "HEAD is on an allowed branch, or detached at the release tag");
    this.allow = options.get(ALLOW);
    this.format = new TagFormat(options.get(TAG_FORMAT));
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(ALLOW, TAG_FORMAT);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return ReleaseFacts.inRepository(facts, git -> check(facts, git));
  }

  private Verdict check(Facts facts, GitFacts git) {
    HeadState head = git.head();
    String allowed = allow.stream().map(Glob::toString).collect(Collectors.joining(", "));
    if (head.commit() == null) {
      return Verdict.of(
          "no commit yet",
          List.of(
              Finding.of(
                  "no-commit",
                  "the repository has no commit yet",
                  List.of(),
                  "commit the project before releasing it")));
    }
    if (!head.detached()) {
      if (allow.stream().anyMatch(g -> g.matches(head.branch()))) {
        return Verdict.pass("on branch " + head.branch());
      }
      return Verdict.of(
          "on branch " + head.branch() + ", not a release branch",
          List.of(
              Finding.of(
                  "branch:" + head.branch(),
                  "releases are made from " + allowed + ", and HEAD is on " + head.branch(),
                  List.of(
                      new Evidence(
                          null, 0, "branch " + head.branch() + " at " + head.shortCommit())),
                  "merge the change into a release branch and release from there (git switch main),"
                      + " or allow the branch in the option 'allow' of rule branch")));
    }
    Optional<Version> version = ReleaseFacts.version(facts.project());
    String tag = version.map(v -> format.tagOf(v, facts.project().name())).orElse(null);
    List<GitTag> atHead = ReleaseFacts.tagsAtHead(git, head);
    if (tag != null && atHead.stream().anyMatch(t -> t.name().equals(tag))) {
      return Verdict.pass("detached HEAD at the release tag " + tag);
    }
    String tags =
        atHead.isEmpty()
            ? "no tag"
            : "tags " + atHead.stream().map(GitTag::name).collect(Collectors.joining(", "));
    return Verdict.of(
        "detached HEAD at " + head.shortCommit() + ", not at the release tag",
        List.of(
            Finding.of(
                "detached",
                "HEAD is detached at "
                    + head.shortCommit()
                    + " ("
                    + tags
                    + "); a detached HEAD is allowed only at the release tag"
                    + (tag == null ? " and the project has no literal version" : " " + tag),
                List.of(new Evidence(null, 0, "allowed branches: " + allowed)),
                "check out a release branch (git switch main)"
                    + (tag == null ? "" : ", or the release tag (git checkout " + tag + ")"))));
  }
}
