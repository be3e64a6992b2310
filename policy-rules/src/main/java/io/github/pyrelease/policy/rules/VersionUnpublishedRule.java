package io.github.pyrelease.policy.rules;

import io.github.pyrelease.index.IndexAnswer;
import io.github.pyrelease.index.IndexLocations;
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
import java.util.Set;

/**
 * The package index does not have this version yet. Indexes never take the same file twice, and a
 * yanked version is still taken: its file names can never be uploaded again.
 */
public final class VersionUnpublishedRule extends AbstractRule {

  public static final RuleOption<String> INDEX =
      RuleOption.string(
          "index",
          IndexLocations.PYPI,
          "the index to ask: pypi, testpypi, a name the build defines (pyrelease.indexes, CLI"
              + " --index), or a URL (an index root, or its simple API ending in /simple/)");
  public static final RuleOption<String> SERVER =
      RuleOption.string(
          "server",
          null,
          "settings.xml server id (or PYRELEASE_<ID>_TOKEN) whose credentials a private index"
              + " needs; unset: the index's name when the build defined it, else none");

  private final String index;
  private final String server;

  public VersionUnpublishedRule() {
    this(RuleOptions.defaults());
  }

  public VersionUnpublishedRule(RuleOptions options) {
    super(
        "version-unpublished",
        Stage.RELEASE,
        Level.ERROR,
        "the package index does not have this version yet (yanked counts as taken)");
    this.index = options.get(INDEX);
    this.server = options.get(SERVER);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(INDEX, SERVER);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Optional<Version> version = ReleaseFacts.version(facts.project());
    if (version.isEmpty()) {
      return Verdict.notApplicable(ReleaseFacts.noVersionReason(facts.project()));
    }
    String name = facts.project().name();
    if (name == null) {
      return Verdict.notApplicable("the project declares no name to look up");
    }
    IndexAnswer answer = facts.index().lookup(index, server, name, version.get().toString());
    if (!answer.published()) {
      return Verdict.pass(
          answer.projectFound()
              ? name + " " + version.get() + " is not on " + answer.indexUrl() + " yet"
              : name + " is not on " + answer.indexUrl() + " yet: a first release");
    }
    Set<String> ours = facts.publishedEarlier(index, name, version.get().toString());
    if (!answer.files().isEmpty() && ours.containsAll(answer.files())) {
      return Verdict.pass(
          name
              + " "
              + version.get()
              + " is on "
              + answer.indexUrl()
              + " with only the files an earlier run of this release published there"
              + " (publish-state.json): publishing resumes");
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(null, 0, answer.api() + ": " + answer.url()));
    answer.files().forEach(f -> evidence.add(new Evidence(null, 0, "file " + f)));
    String yanked =
        answer.yanked()
            ? " (yanked" + (answer.yankedReason() == null ? "" : ": " + answer.yankedReason()) + ")"
            : "";
    return Verdict.of(
        name + " " + version.get() + " is already on " + answer.indexUrl() + yanked,
        List.of(
            Finding.of(
                "published:" + version.get(),
                name
                    + " "
                    + version.get()
                    + " is already published on "
                    + answer.indexUrl()
                    + yanked
                    + (answer.yanked()
                        ? "; a yanked version's files can never be uploaded again"
                        : ""),
                ReleaseFacts.capped(evidence),
                "release a new version: mvn pyrelease:bump -Dpyrelease.bump=patch (CLI: pyrelease"
                    + " version bump patch)")));
  }
}
