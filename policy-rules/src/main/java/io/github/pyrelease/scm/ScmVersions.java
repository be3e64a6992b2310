package io.github.pyrelease.scm;

import io.github.pyrelease.git.GitDescription;
import io.github.pyrelease.git.JGitDescriber;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.project.ScmSettings;
import io.github.pyrelease.project.SourceKind;
import io.github.pyrelease.project.VersionSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Computes the version setuptools_scm (directly or through hatch-vcs) would give the project now,
 * from its git repository read with JGit, so the rules check it as they check a written version.
 *
 * <p>What is computed: the version schemes {@code guess-next-dev} (the default), {@code
 * no-guess-dev}, {@code post-release}, {@code python-simplified-semver} and {@code
 * release-branch-semver}; the local schemes {@code node-and-date} (the default), {@code
 * node-and-timestamp}, {@code dirty-tag} and {@code no-local-version}; {@code tag_regex}, {@code
 * root}, {@code search_parent_directories}, {@code fallback_version} (outside a git work tree),
 * hatch-vcs's {@code tag-pattern}, {@code fallback-version} and {@code raw-options}, and the
 * environment's {@code SETUPTOOLS_SCM_PRETEND_VERSION[_FOR_<NAME>]} and {@code SOURCE_DATE_EPOCH}.
 * Anything else ({@code calver-by-date}, a custom {@code parse} or {@code git_describe_command},
 * {@code normalize = false}, ...) leaves the version uncomputed, and the source's label says why.
 */
public final class ScmVersions {

  private ScmVersions() {}

  /**
   * The project in {@code projectDir} with a version from git tags computed, as its build will
   * compute it in this work tree now.
   */
  public static PythonProject read(Path projectDir) {
    return computed(new PythonProjectReader().read(projectDir), System.getenv(), Clock.systemUTC());
  }

  /** The outcome: the version, or why there is none. */
  public record Outcome(String version, String describe, String problem) {}

  /**
   * {@code project} with its setuptools_scm source holding the computed version (its label naming
   * the describe line); unchanged when the version is not computed by setuptools_scm.
   */
  public static PythonProject computed(
      PythonProject project, Map<String, String> environment, Clock clock) {
    Optional<ScmSettings> settings = project.scmIfPresent();
    Optional<VersionSource> source =
        settings.flatMap(
            s ->
                project.versionSources().stream()
                    .filter(v -> v.kind() == SourceKind.VCS && v.location().equals(s.where()))
                    .findFirst());
    if (source.isEmpty()) {
      return project;
    }
    Outcome outcome = compute(project, settings.get(), environment, clock);
    VersionSource s = source.get();
    String base = s.label().replaceFirst("\\)$", "");
    String label =
        outcome.version() != null
            ? base + (outcome.describe() == null ? "" : ": " + outcome.describe()) + ")"
            : base + "; not computed: " + outcome.problem() + ")";
    return project.withSource(
        new VersionSource(
            s.kind(), s.file(), s.line(), s.column(), outcome.version(), label, s.primary()));
  }

  /** The version setuptools_scm computes for {@code project} with {@code settings}. */
  public static Outcome compute(
      PythonProject project, ScmSettings settings, Map<String, String> environment, Clock clock) {
    if (!settings.unsupported().isEmpty()) {
      return problem(
          "pyrelease does not compute a version with "
              + String.join(", ", settings.unsupported())
              + " ("
              + settings.where()
              + ")");
    }
    if (!ScmVersionScheme.VERSION_SCHEMES.containsKey(settings.versionScheme())) {
      return problem(
          "version_scheme '"
              + settings.versionScheme()
              + "' is not one pyrelease computes (it computes "
              + String.join(", ", new TreeSet<>(ScmVersionScheme.VERSION_SCHEMES.keySet()))
              + ")");
    }
    if (!ScmVersionScheme.LOCAL_SCHEMES.containsKey(settings.localScheme())) {
      return problem(
          "local_scheme '"
              + settings.localScheme()
              + "' is not one pyrelease computes (it computes "
              + String.join(", ", new TreeSet<>(ScmVersionScheme.LOCAL_SCHEMES.keySet()))
              + ")");
    }
    Optional<String> pretended = pretended(settings, environment);
    if (pretended.isPresent()) {
      return new Outcome(pretended.get(), "SETUPTOOLS_SCM_PRETEND_VERSION", null);
    }
    Path root = project.root().resolve(settings.root()).normalize();
    Optional<GitDescription> description =
        JGitDescriber.describe(root, settings.searchParentDirectories());
    if (description.isEmpty()) {
      return settings.fallbackVersion() != null
          ? new Outcome(settings.fallbackVersion(), "fallback_version, no git work tree", null)
          : problem(
              root
                  + " is not the top of a git work tree and there is no fallback_version"
                  + " (setuptools_scm fails here too)");
    }
    GitDescription git = description.get();
    try {
      String version = ScmVersionScheme.version(git, settings, now(environment, clock));
      String describe =
          git.describe() != null
              ? git.describe()
              : "no tag, " + git.distance() + " commits" + (git.dirty() ? ", dirty" : "");
      return new Outcome(version, describe, null);
    } catch (ScmVersionScheme.SchemeException e) {
      return problem(e.getMessage());
    }
  }

  private static Outcome problem(String why) {
    return new Outcome(null, null, why);
  }

  /**
   * {@code SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<NAME>}, else {@code SETUPTOOLS_SCM_PRETEND_VERSION}.
   */
  private static Optional<String> pretended(ScmSettings settings, Map<String, String> environment) {
    if (settings.distName() != null) {
      String name = settings.distName().replaceAll("[-_.]+", "_").toUpperCase(Locale.ROOT);
      String named = environment.get("SETUPTOOLS_SCM_PRETEND_VERSION_FOR_" + name);
      if (named != null && !named.isEmpty()) {
        return Optional.of(named);
      }
    }
    return Optional.ofNullable(environment.get("SETUPTOOLS_SCM_PRETEND_VERSION"))
        .filter(v -> !v.isEmpty());
  }

  /** {@code SOURCE_DATE_EPOCH} when set, as setuptools_scm reads it, else the clock's now. */
  private static ZonedDateTime now(Map<String, String> environment, Clock clock) {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.strip().matches("[0-9]{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip())).atZone(ZoneOffset.UTC);
    }
    return ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
  }
}
