package io.github.pyrelease.policy;

import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.index.IndexFacts;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.ChangelogSection;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.SourceKind;
import io.github.pyrelease.project.VersionSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Facts built from plain values, for testing rules without a file system. */
public final class StubFacts implements Facts {

  private final List<VersionSource> sources = new ArrayList<>();
  private final Map<String, Changelog> changelogs = new HashMap<>();
  private Changelog ownChangelog;
  private Optional<GitFacts> git;
  private IndexFacts index;
  private final Map<String, java.util.Set<String>> publishedEarlier = new HashMap<>();
  private final List<Distribution> distributions = new ArrayList<>();
  private io.github.pyrelease.secrets.SecretScans secrets;
  private java.util.function.Function<Distribution, DescriptionCheck> descriptions =
      d -> new DescriptionCheck(DescriptionCheck.Status.RENDERS, "stub", List.of());

  private final List<io.github.pyrelease.deps.Dependency> declared = new ArrayList<>();
  private final List<io.github.pyrelease.project.MonorepoPackage> monorepo = new ArrayList<>();

  /** pyproject.toml declares {@code requirement} at {@code line}. */
  public StubFacts declares(int line, String requirement) {
    declared.add(
        io.github.pyrelease.deps.Dependency.unpinned(
            io.github.pyrelease.deps.Requirement.parse(requirement).name(),
            requirement,
            new io.github.pyrelease.deps.Origin("pyproject.toml", line)));
    return this;
  }

  /**
   * The monorepo holds a package in {@code dir} (relative to the root /work) at {@code version}.
   */
  public StubFacts monorepoPackage(String name, String version, String dir) {
    monorepo.add(
        new io.github.pyrelease.project.MonorepoPackage(
            name, version, "../" + dir + "/pyproject.toml"));
    return this;
  }

  @Override
  public io.github.pyrelease.deps.DependencyInventory declaredDependencies() {
    return new io.github.pyrelease.deps.DependencyInventory(
        io.github.pyrelease.deps.InventorySource.DECLARED, List.of("pyproject.toml"), declared);
  }

  @Override
  public List<io.github.pyrelease.project.MonorepoPackage> monorepoPackages(String root) {
    return monorepo;
  }

  public static StubFacts create() {
    return new StubFacts();
  }

  /** Adds {@code [project].version}, the primary source. */
  public StubFacts pyproject(String version) {
    sources.add(
        new VersionSource(
            SourceKind.PYPROJECT, "pyproject.toml", 3, 12, version, "[project].version", true));
    return this;
  }

  /** Adds {@code __version__} in a package's {@code __init__.py}. */
  public StubFacts module(String file, int line, String version) {
    sources.add(
        new VersionSource(SourceKind.MODULE, file, line, 16, version, "__version__", false));
    return this;
  }

  public StubFacts source(VersionSource source) {
    sources.add(source);
    return this;
  }

  /** Adds a setuptools_scm version computed from git tags. */
  public StubFacts vcs() {
    sources.add(
        new VersionSource(SourceKind.VCS, "pyproject.toml", 0, 0, null, "setuptools_scm", true));
    return this;
  }

  /** Gives the project a CHANGELOG.md with sections ("Unreleased" or a version), from line 5. */
  public StubFacts withChangelog(String... headings) {
    ownChangelog = changelog("CHANGELOG.md", headings);
    return this;
  }

  /** Adds a changelog at another path, which only a rule option can ask for. */
  public StubFacts otherChangelog(String file, String... headings) {
    changelogs.put(file, changelog(file, headings));
    return this;
  }

  /** The project lives in this repository. */
  public StubFacts git(GitFacts repository) {
    git = Optional.of(repository);
    return this;
  }

  /** The project lives in no repository. */
  public StubFacts noRepository() {
    git = Optional.empty();
    return this;
  }

  /** The publishing record says these files of the release went to {@code index} earlier. */
  public StubFacts earlierRunPublished(String index, String... files) {
    publishedEarlier.put(index, java.util.Set.of(files));
    return this;
  }

  @Override
  public java.util.Set<String> publishedEarlier(String index, String project, String version) {
    return publishedEarlier.getOrDefault(index, java.util.Set.of());
  }

  public StubFacts index(IndexFacts facts) {
    index = facts;
    return this;
  }

  private static Changelog changelog(String file, String... headings) {
    List<ChangelogSection> sections = new ArrayList<>();
    int line = 5;
    for (String heading : headings) {
      boolean unreleased = heading.equalsIgnoreCase("Unreleased");
      sections.add(
          new ChangelogSection(
              "[" + heading + "]" + (unreleased ? "" : " - 2026-11-01"),
              unreleased ? null : heading,
              unreleased ? null : "2026-11-01",
              line));
      line += 6;
    }
    return new Changelog(file, sections);
  }

  /** Answers secret scans with {@code scans}. */
  public StubFacts secrets(io.github.pyrelease.secrets.SecretScans scans) {
    this.secrets = scans;
    return this;
  }

  @Override
  public io.github.pyrelease.secrets.SecretScans secrets() {
    return secrets == null ? Facts.super.secrets() : secrets;
  }

  /** Adds built distributions, as read from target/dist. */
  public StubFacts distributions(Distribution... read) {
    distributions.addAll(List.of(read));
    return this;
  }

  /** Decides how long descriptions render (they all render by default). */
  public StubFacts descriptions(java.util.function.Function<Distribution, DescriptionCheck> how) {
    descriptions = how;
    return this;
  }

  @Override
  public DistributionFacts distributions() {
    return new DistributionFacts() {
      @Override
      public String directory() {
        return "target/dist";
      }

      @Override
      public List<Distribution> all() {
        return List.copyOf(distributions);
      }

      @Override
      public DescriptionCheck description(Distribution distribution) {
        return descriptions.apply(distribution);
      }
    };
  }

  @Override
  public PythonProject project() {
    return new PythonProject(Path.of("/work/acme"), "acme-widgets", sources, ownChangelog);
  }

  @Override
  public Optional<Changelog> changelog(String file) {
    return file == null
        ? Optional.ofNullable(ownChangelog)
        : Optional.ofNullable(changelogs.get(file));
  }

  @Override
  public Optional<GitFacts> git() {
    return git == null ? Facts.super.git() : git;
  }

  @Override
  public IndexFacts index() {
    return index == null ? Facts.super.index() : index;
  }

  private io.github.pyrelease.deps.DependencyInventory inventory;
  private io.github.pyrelease.license.ProjectLicense projectLicense;

  /** The dependency inventory the deps rules read. */
  public StubFacts dependencies(io.github.pyrelease.deps.DependencyInventory read) {
    this.inventory = read;
    return this;
  }

  /** The project's licence metadata. */
  public StubFacts projectLicense(io.github.pyrelease.license.ProjectLicense declared) {
    this.projectLicense = declared;
    return this;
  }

  @Override
  public io.github.pyrelease.deps.DependencyInventory dependencies() {
    return inventory == null ? Facts.super.dependencies() : inventory;
  }

  @Override
  public Optional<io.github.pyrelease.license.ProjectLicense> projectLicense() {
    return Optional.ofNullable(projectLicense);
  }
}
