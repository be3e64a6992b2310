package io.github.pyrelease.policy.rules;

import io.github.pyrelease.FactUnavailableException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The version is greater, in PEP 440 order, than the latest earlier release tag; by default only
 * tags reachable from HEAD count, so a maintenance branch may release 1.4.1 after 2.0.0 on main.
 * For a public index, dev versions (not releases) and local versions (which PyPI refuses) fail.
 */
public final class VersionIncreasesRule extends AbstractRule {

  public static final RuleOption<String> TAG_FORMAT = TagFormat.option("tag-format");
  public static final RuleOption<Boolean> PUBLIC_INDEX =
      RuleOption.bool(
          "public-index",
          true,
          "releases go to a public index such as PyPI: dev versions and local versions (+label)"
              + " fail");
  public static final RuleOption<Boolean> REACHABLE_ONLY =
      RuleOption.bool(
          "reachable-only",
          true,
          "compare only with release tags reachable from HEAD (false: with every tag)");

  private final TagFormat format;
  private final boolean publicIndex;
  private final boolean reachableOnly;

  public VersionIncreasesRule() {
    this(RuleOptions.defaults());
  }

  public VersionIncreasesRule(RuleOptions options) {
    super(
        "version-increases",
        Stage.RELEASE,
        Level.ERROR,
        "the version is greater than the latest release tag, and a release for a public index");
    this.format = new TagFormat(options.get(TAG_FORMAT));
    this.publicIndex = options.get(PUBLIC_INDEX);
    this.reachableOnly = options.get(REACHABLE_ONLY);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(TAG_FORMAT, PUBLIC_INDEX, REACHABLE_ONLY);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Optional<Version> found = ReleaseFacts.version(facts.project());
    if (found.isEmpty()) {
      return Verdict.notApplicable(ReleaseFacts.noVersionReason(facts.project()));
    }
    Version version = found.get();
    List<Finding> findings = new ArrayList<>(publicIndexFindings(facts, version));
    Optional<GitFacts> git = facts.git();
    if (git.isEmpty()) {
      findings.addAll(ReleaseFacts.notARepository().findings());
      return Verdict.of("not a git repository", findings);
    }
    Optional<Tagged> latest = latest(git.get(), version, facts.project().name());
    String summary;
    if (latest.isPresent() && version.compareTo(latest.get().version()) <= 0) {
      findings.add(notGreater(facts, version, latest.get()));
      summary = version + " is not greater than " + latest.get().version();
    } else if (!findings.isEmpty()) {
      summary = version + " is not a release for a public index";
    } else if (latest.isPresent()) {
      summary = version + " > " + latest.get().version() + " (" + latest.get().tag().name() + ")";
    } else if (git.get().shallow()) {
      throw new FactUnavailableException(
          "shallow clone: the earlier release tags are missing",
          null,
          "fetch the history and tags: git fetch --tags --unshallow (GitHub Actions:"
              + " actions/checkout with fetch-depth: 0)",
          null);
    } else {
      summary = "no earlier release tag (" + format + "): a first release";
    }
    return Verdict.of(summary, findings);
  }

  private List<Finding> publicIndexFindings(Facts facts, Version version) {
    List<Finding> findings = new ArrayList<>();
    if (!publicIndex) {
      return findings;
    }
    Evidence source = ReleaseFacts.versionEvidence(facts.project());
    if (version.isDevRelease()) {
      findings.add(
          Finding.of(
              "dev-version",
              version + " is a development version, not a release for a public index",
              List.of(source),
              "release "
                  + version.baseVersion()
                  + " (mvn pyrelease:bump -Dpyrelease.bump=release; CLI: pyrelease version bump"
                  + " release), or set public-index: false on"
                  + " version-increases for a private index"));
    }
    if (version.isLocal()) {
      findings.add(
          Finding.of(
              "local-version",
              version
                  + " has a local label (+"
                  + version.local().orElse("")
                  + "), which PyPI refuses",
              List.of(source),
              "release " + version.publicVersion() + ": drop the +label"));
    }
    return findings;
  }

  /** The newest release tag other than this version's own, reachable when so configured. */
  private Optional<Tagged> latest(GitFacts git, Version version, String name) {
    List<Tagged> release = new ArrayList<>();
    for (GitTag tag : git.tags()) {
      format
          .versionOf(tag.name(), name)
          .filter(v -> !v.equals(version))
          .ifPresent(v -> release.add(new Tagged(tag, v)));
    }
    release.sort(Comparator.comparing(Tagged::version).reversed());
    // newest first: the first reachable one is the answer, usually after one ancestry check
    return release.stream()
        .filter(t -> !reachableOnly || git.reachableFromHead(t.tag().commit()))
        .findFirst();
  }

  private static Finding notGreater(Facts facts, Version version, Tagged latest) {
    return Finding.of(
        "not-greater",
        version
            + " is not greater than "
            + latest.version()
            + ", released as "
            + latest.tag().name()
            + " ("
            + latest.tag().shortCommit()
            + ")",
        List.of(
            ReleaseFacts.versionEvidence(facts.project()),
            new Evidence(
                null, 0, "tag " + latest.tag().name() + " -> " + latest.tag().shortCommit())),
        "bump the version above "
            + latest.version()
            + ": mvn pyrelease:bump -Dpyrelease.bump=patch (or minor, major; CLI: pyrelease"
            + " version bump patch)");
  }

  private record Tagged(GitTag tag, Version version) {}
}
