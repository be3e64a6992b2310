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
 * The changelog has a section for the version being released. A development or pre-release version
 * ({@code 8.5.0.dev0}, {@code 2.0.0rc1}) is also covered by the section of its release when that
 * section is marked unreleased ({@code ## Version 8.5.0} then {@code Unreleased}, the Pallets
 * layout), by an Unreleased section, or by towncrier's news fragments, where its changes collect
 * until the release. A project with no changelog at all gets a finding at the level of the {@code
 * missing} option (a warning by default: a first run on a project that never kept one should say
 * how to start, not fail).
 */
public final class ChangelogEntryRule extends AbstractRule {

  /** The changelog to check; unset means the project's own (CHANGELOG.md or the like). */
  public static final RuleOption<String> FILE =
      RuleOption.string(
          "file",
          null,
          "the changelog, relative to the project (default: CHANGELOG.md, CHANGES.md or"
              + " HISTORY.md, whichever exists)");

  /** The most a project without any changelog fails. */
  public static final RuleOption<String> MISSING =
      RuleOption.string(
          "missing",
          Level.WARNING.id(),
          "the level when the project has no changelog at all (error, warning, info); a"
              + " changelog without the version's section fails at the rule's level",
          v ->
              Level.fromId(v).filter(l -> l != Level.OFF).isPresent()
                  ? null
                  : "'" + v + "' is not error, warning or info");

  private final String file;
  private final Level missing;

  public ChangelogEntryRule() {
    this(RuleOptions.defaults());
  }

  public ChangelogEntryRule(RuleOptions options) {
    super(
        "changelog-entry",
        Stage.SOURCE,
        Level.ERROR,
        "the changelog has a section for the version (a dev or pre-release: or its release's"
            + " section marked unreleased, or an Unreleased section)");
    this.file = options.get(FILE);
    this.missing = Level.fromId(options.get(MISSING)).orElseThrow();
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(FILE, MISSING);
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
        changelog.sections().stream().filter(s -> names(s, version.publicVersion())).findFirst();
    if (exact.isPresent()) {
      return Verdict.pass(
          changelog.file() + ":" + exact.get().line() + " has a section for " + version);
    }
    Optional<ChangelogSection> unreleased =
        changelog.sections().stream().filter(ChangelogSection::isUnreleased).findFirst();
    if (version.isPreRelease()) {
      for (Version release : releasesOf(version)) {
        Optional<ChangelogSection> marked =
            changelog.sections().stream()
                .filter(s -> s.isMarkedUnreleased() && names(s, release))
                .findFirst();
        if (marked.isPresent()) {
          return Verdict.pass(
              changelog.file()
                  + ":"
                  + marked.get().line()
                  + " has the section of "
                  + release
                  + ", marked unreleased (line "
                  + marked.get().unreleasedLine()
                  + "), for "
                  + kind(version)
                  + " "
                  + version);
        }
      }
      if (unreleased.isPresent()) {
        return Verdict.pass(
            changelog.file()
                + ":"
                + unreleased.get().line()
                + " has an Unreleased section for "
                + kind(version)
                + " "
                + version);
      }
      if (changelog.pendingNotes() != null) {
        return Verdict.pass(
            "the notes of "
                + kind(version)
                + " "
                + version
                + " collect in "
                + changelog.pendingNotes()
                + " until the release writes them into "
                + changelog.file());
      }
    }
    return Verdict.of(
        changelog.file() + " has no section for " + version,
        List.of(missingSection(changelog, version, unreleased)));
  }

  /**
   * The releases a dev or pre-release version becomes: {@code 8.5.0} for {@code 8.5.0.dev0}; {@code
   * 2.0.0rc1}, then {@code 2.0.0}, for {@code 2.0.0rc1.dev3}.
   */
  private static List<Version> releasesOf(Version version) {
    Version withoutDev = version.publicVersion().withDev(null);
    Version base = version.baseVersion();
    return withoutDev.equals(base) ? List.of(base) : List.of(withoutDev, base);
  }

  private static String kind(Version version) {
    return version.isDevRelease() ? "the development version" : "the pre-release";
  }

  private static boolean names(ChangelogSection section, Version version) {
    return !section.isUnreleased()
        && Version.tryParse(section.version())
            .map(v -> v.publicVersion().equals(version))
            .orElse(false);
  }

  private static Optional<Version> declaredVersion(PythonProject project) {
    return project.declaredSource().flatMap(s -> Version.tryParse(s.text()));
  }

  private Finding missingChangelog(Version version) {
    String name = file == null ? "CHANGELOG.md" : file;
    Version release = version.isPreRelease() ? releasesOf(version).get(0) : version;
    String heading = version.isPreRelease() ? "## [Unreleased]" : "## [" + release + "] - <date>";
    return new Finding(
        "missing-changelog",
        "the project has no changelog"
            + (file == null ? " (CHANGELOG.md, CHANGES.md, HISTORY.md or NEWS.md)" : " at " + file),
        List.of(new Evidence(null, 0, "version " + version)),
        "start "
            + name
            + " with '# Changelog' and a section '"
            + heading
            + "' listing the changes (Keep a Changelog, https://keepachangelog.com); keep an"
            + " '## [Unreleased]' section above it, which the next bump dates; or let the"
            + " release bump start it (pyrelease version bump --create-changelog, or"
            + " -Dpyrelease.createChangelog=true with pyrelease:bump)",
        missing);
  }

  private static Finding missingSection(
      Changelog changelog, Version version, Optional<ChangelogSection> unreleased) {
    SectionStyle style = SectionStyle.of(changelog);
    String fix;
    if (version.isPreRelease()) {
      Version release = releasesOf(version).get(0);
      fix =
          "add "
              + style.unreleasedSection(release)
              + " to "
              + changelog.file()
              + ", above its newest section, for the changes of "
              + release
              + " ("
              + version
              + " is "
              + kind(version)
              + " of it)";
    } else {
      String heading = style.released(version);
      fix =
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
    }
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
