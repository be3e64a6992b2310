package io.github.pyrelease.policy.rules;

import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitTag;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When HEAD carries release tags (a tag build), one of them names the project's version, equal
 * under PEP 440 ({@code v1.2} releases {@code 1.2.0}).
 */
public final class TagMatchesRule extends AbstractRule {

  public static final RuleOption<String> FORMAT = TagFormat.option("format");

  private final TagFormat format;

  public TagMatchesRule() {
    this(RuleOptions.defaults());
  }

  public TagMatchesRule(RuleOptions options) {
    super(
        "tag-matches",
        Stage.RELEASE,
        Level.ERROR,
        "a release tag on HEAD names the project's version (PEP 440 equality)");
    this.format = new TagFormat(options.get(FORMAT));
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(FORMAT);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return ReleaseFacts.forVersionInRepository(facts, (version, git) -> check(facts, version, git));
  }

  private Verdict check(Facts facts, Version version, GitFacts git) {
    String name = facts.project().name();
    List<GitTag> releaseTags = new ArrayList<>();
    for (GitTag tag : ReleaseFacts.tagsAtHead(git, git.head())) {
      Optional<Version> named = format.versionOf(tag.name(), name);
      if (named.isPresent()) {
        if (named.get().equals(version)) {
          return Verdict.pass(
              "HEAD is tagged " + tag.name() + ", the project's version " + version);
        }
        releaseTags.add(tag);
      }
    }
    if (releaseTags.isEmpty()) {
      return Verdict.notApplicable("HEAD carries no release tag (" + format + "): not a tag build");
    }
    String tags = releaseTags.stream().map(GitTag::name).collect(Collectors.joining(", "));
    Version tagged = format.versionOf(releaseTags.get(0).name(), name).orElseThrow();
    return Verdict.of(
        "HEAD is tagged " + tags + " but the project's version is " + version,
        List.of(
            Finding.of(
                "mismatch:" + releaseTags.get(0).name(),
                "HEAD is tagged " + tags + " but the project declares " + version,
                List.of(
                    new Evidence(
                        null,
                        0,
                        "tag "
                            + releaseTags.get(0).name()
                            + " at "
                            + releaseTags.get(0).shortCommit()),
                    ReleaseFacts.versionEvidence(facts.project())),
                "set the version to "
                    + tagged
                    + " (mvn pyrelease:bump -Dpyrelease.newVersion="
                    + tagged
                    + "; CLI: pyrelease version bump --to "
                    + tagged
                    + "), or tag the commit that declares "
                    + version)));
  }
}
