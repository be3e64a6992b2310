package io.github.pyrelease.policy.rules;

import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.ChangelogSection;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;

/**
 * The changelog has a section for the version being released; a development version needs only an
 * Unreleased section, where the changes collect until the release.
 */
public final class ChangelogEntryRule extends AbstractRule {

  /** The changelog to check; unset means the project's own (CHANGELOG.md or the like). */
  public static final RuleOption<String> FILE =
      RuleOption.string(
          "file",
          null,
          "the changelog, relative to the project (default: CHANGELOG.md, CHANGES.md or"
              + " HISTORY.md, whichever exists)");

  private final String file;

  public ChangelogEntryRule() {
    this(RuleOptions.defaults());
  }

  public ChangelogEntryRule(RuleOptions options) {
    super(
        "changelog-entry",
        Stage.SOURCE,
        Level.ERROR,
        "the changelog has a section for the version (or Unreleased for a dev version)");
    this.file = options.get(FILE);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(FILE);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    PythonProject project = facts.project();
    Optional<Version> version = declaredVersion(project);
    if (version.isEmpty()) {
      return Verdict.notApplicable(VersionSources.noLiteralReason(project));
    }
    Optional<Changelog> changelog = facts.changelog(file);
    if (changelog.isEmpty()) {
      return Verdict.of("no changelog", List.of(missingChangelog(version.get())));
    }
    return check(changelog.get(), version.get());
  }

  private Verdict check(Changelog changelog, Version version) {
    Optional<ChangelogSection> exact =
        changelog.sections().stream().filter(s -> names(s, version)).findFirst();
    if (exact.isPresent()) {
      return Verdict.pass(
          changelog.file() + ":" + exact.get().line() + " has a section for " + version);
    }
    Optional<ChangelogSection> unreleased =
        changelog.sections().stream().filter(ChangelogSection::isUnreleased).findFirst();
    if (version.isDevRelease() && unreleased.isPresent()) {
      return Verdict.pass(
          changelog.file()
              + ":"
              + unreleased.get().line()
              + " has an Unreleased section for the development version "
              + version);
    }
    return Verdict.of(
        changelog.file() + " has no section for " + version,
        List.of(missingSection(changelog, version, unreleased)));
  }

  private static boolean names(ChangelogSection section, Version version) {
    return !section.isUnreleased()
        && Version.tryParse(section.version()).map(version::equals).orElse(false);
  }

  private static Optional<Version> declaredVersion(PythonProject project) {
    return project.declaredSource().flatMap(s -> Version.tryParse(s.text()));
  }

  private Finding missingChangelog(Version version) {
    String name = file == null ? "CHANGELOG.md" : file;
    return Finding.of(
        "missing-changelog",
        "the project has no changelog" + (file == null ? "" : " at " + file),
        List.of(new Evidence(null, 0, "version " + version)),
        "create "
            + name
            + " with a section '## ["
            + version
            + "] - <date>' describing the changes");
  }

  private static Finding missingSection(
      Changelog changelog, Version version, Optional<ChangelogSection> unreleased) {
    String heading = "## [" + version + "] - <date>";
    String fix =
        unreleased
            .map(
                u ->
                    "rename the Unreleased section at "
                        + changelog.file()
                        + ":"
                        + u.line()
                        + " to '"
                        + heading
                        + "' and add a new empty Unreleased section above it")
            .orElse("add a section '" + heading + "' to " + changelog.file());
    String known =
        changelog.sections().isEmpty()
            ? "it has no release sections"
            : "its newest section is '" + changelog.sections().get(0).heading() + "'";
    int line = changelog.sections().isEmpty() ? 0 : changelog.sections().get(0).line();
    return Finding.of(
        "missing-section:" + version,
        changelog.file() + " has no section for version " + version + "; " + known,
        List.of(new Evidence(changelog.file(), line, known)),
        fix);
  }
}
