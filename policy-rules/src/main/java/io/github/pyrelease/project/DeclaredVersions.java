package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The versions the project's configuration declares, followed to their text, and which of them the
 * build backend uses.
 *
 * <p>The primary source is chosen the way the backend chooses: a static {@code [project].version}
 * for every backend; with {@code dynamic = ["version"]}, setuptools takes {@code
 * [tool.setuptools.dynamic] version}, else setuptools_scm, else setup.cfg {@code [metadata]
 * version}, else versioneer; hatchling takes {@code [tool.hatch.version]}; flit_core its module's
 * {@code __version__}; pdm-backend {@code [tool.pdm.version]}; poetry-core
 * poetry-dynamic-versioning when enabled, else {@code [tool.poetry].version}. Without {@code
 * [project]}, poetry and setup.cfg still declare one. A route the backend uses must lead to a
 * version, or reading fails; routes it ignores are reported when they lead somewhere and skipped
 * when they do not.
 */
final class DeclaredVersions {

  private final ProjectFiles files;
  private final Optional<Pyproject> pyproject;
  private final Optional<SetupCfg> setupCfg;
  private final VcsVersionDetector vcs;
  private final List<VcsVersionDetector.Vcs> vcsSources;
  private final Optional<Lookup> setuptoolsDynamic;
  private final Optional<Lookup> setupCfgVersion;
  private final Optional<Lookup> hatch;
  private final Optional<Lookup> pdm;

  DeclaredVersions(ProjectFiles files, Optional<Pyproject> pyproject, Optional<SetupCfg> setupCfg) {
    this.files = files;
    this.pyproject = pyproject;
    this.setupCfg = setupCfg;
    this.vcs = new VcsVersionDetector(pyproject, setupCfg);
    this.vcsSources = vcs.detect();
    SetuptoolsVersionReader setuptools = new SetuptoolsVersionReader(files);
    this.setuptoolsDynamic = pyproject.flatMap(setuptools::read);
    this.setupCfgVersion = setupCfg.flatMap(setuptools::read);
    this.hatch = pyproject.flatMap(p -> new HatchVersionReader(files, p.toml()).read());
    this.pdm = pyproject.flatMap(p -> new PdmVersionReader(files, p.toml()).read());
  }

  /** The source the build backend takes the version from; empty when pyrelease cannot tell. */
  Optional<VersionSource> primary() {
    if (pyproject.isEmpty()) {
      return fromSetupCfg();
    }
    Pyproject p = pyproject.get();
    if (p.hasProjectTable()) {
      Optional<Located> version = p.projectVersion();
      if (version.isPresent()) {
        return Optional.of(version.get().source(SourceKind.PYPROJECT, "[project].version", true));
      }
      return Optional.of(primary(dynamic(p)));
    }
    if (p.backend() == BuildBackend.POETRY || p.toml().contains("tool", "poetry")) {
      return Optional.of(primary(poetry(p)));
    }
    if (p.backend() == BuildBackend.FLIT && p.toml().contains("tool", "flit", "metadata")) {
      return Optional.of(primary(new FlitVersionReader(files, p).read().orThrow()));
    }
    if (p.backend() == BuildBackend.SETUPTOOLS) {
      Optional<VersionSource> scm = vcsOf(VcsVersionDetector.Tool.SETUPTOOLS_SCM);
      return scm.isPresent() ? scm.map(DeclaredVersions::primary) : fromSetupCfg();
    }
    return Optional.empty();
  }

  /**
   * The sources configuration declares besides the primary one, primary included again (the caller
   * drops duplicates): routes that lead to a version, and every git-derived version.
   */
  List<VersionSource> declared() {
    List<VersionSource> sources = new ArrayList<>();
    setuptoolsDynamic.flatMap(Lookup::optional).ifPresent(sources::add);
    setupCfgVersion.flatMap(Lookup::optional).ifPresent(sources::add);
    hatch.flatMap(Lookup::optional).ifPresent(sources::add);
    pdm.flatMap(Lookup::optional).ifPresent(sources::add);
    pyproject.flatMap(DeclaredVersions::poetryVersion).ifPresent(sources::add);
    vcsSources.forEach(v -> sources.add(v.source()));
    return sources;
  }

  /**
   * The setuptools_scm settings of the version from git tags the build takes: the primary source's,
   * else (no primary literal) the first configured one's.
   */
  Optional<ScmSettings> scm(Optional<VersionSource> primary) {
    for (VcsVersionDetector.Vcs v : vcsSources) {
      if (v.settings() != null
          && primary
              .map(p -> p.file().equals(v.source().file()) && p.line() == v.source().line())
              .orElse(true)) {
        return Optional.of(v.settings());
      }
    }
    return Optional.empty();
  }

  /** Files that tools generate from a git-derived version; not sources. */
  Set<String> generatedFiles() {
    return vcs.generatedFiles(files);
  }

  private VersionSource dynamic(Pyproject p) {
    return switch (p.backend()) {
      case SETUPTOOLS -> setuptools(p);
      case HATCHLING -> hatch(p);
      case FLIT -> new FlitVersionReader(files, p).read().orThrow();
      case PDM -> pdm(p);
      case POETRY -> poetry(p);
      case OTHER ->
          throw unresolved(
              p,
              "the build backend is "
                  + p.buildBackendName().orElse("unknown")
                  + ", whose version configuration pyrelease does not read",
              "declare version = \"0.1.0\" under [project] instead of listing it in dynamic");
    };
  }

  private VersionSource setuptools(Pyproject p) {
    if (setuptoolsDynamic.isPresent()) {
      return setuptoolsDynamic.get().orThrow();
    }
    Optional<VersionSource> scm = vcsOf(VcsVersionDetector.Tool.SETUPTOOLS_SCM);
    if (scm.isPresent()) {
      return scm.get();
    }
    if (setupCfgVersion.isPresent()) {
      return setupCfgVersion.get().orThrow();
    }
    Optional<VersionSource> versioneer = vcsOf(VcsVersionDetector.Tool.VERSIONEER);
    if (versioneer.isPresent()) {
      return versioneer.get();
    }
    throw unresolved(
        p,
        "nothing tells setuptools where the version is",
        "add [tool.setuptools.dynamic] version = {attr = \"<package>.__version__\"} (or {file ="
            + " \"VERSION\"}), or an empty [tool.setuptools_scm] table to take it from git tags"
            + (files.isFile("setup.py")
                ? "; pyrelease does not run setup.py, so a version set there cannot be read"
                : ""));
  }

  private VersionSource hatch(Pyproject p) {
    HatchVersionReader reader = new HatchVersionReader(files, p.toml());
    if (!reader.configured()) {
      throw unresolved(
          p,
          "there is no [tool.hatch.version] table telling hatchling where the version is",
          "add [tool.hatch.version] with path = \"src/<package>/__about__.py\", or source ="
              + " \"vcs\" to take it from git tags");
    }
    if (reader.source().equals("vcs")) {
      return vcsOf(VcsVersionDetector.Tool.HATCH_VCS).orElseThrow();
    }
    return hatch.orElseThrow().orThrow();
  }

  private VersionSource pdm(Pyproject p) {
    if (!new PdmVersionReader(files, p.toml()).configured()) {
      throw unresolved(
          p,
          "there is no [tool.pdm.version] table telling pdm-backend where the version is",
          "add [tool.pdm.version] with source = \"file\" and path ="
              + " \"src/<package>/__init__.py\", or source = \"scm\" to take it from git tags");
    }
    Optional<VersionSource> scm = vcsOf(VcsVersionDetector.Tool.PDM_SCM);
    return scm.isPresent() ? scm.get() : pdm.orElseThrow().orThrow();
  }

  private VersionSource poetry(Pyproject p) {
    Optional<VersionSource> dynamic = vcsOf(VcsVersionDetector.Tool.POETRY_DYNAMIC_VERSIONING);
    if (dynamic.isPresent()) {
      return dynamic.get();
    }
    Optional<VersionSource> version = poetryVersion(p);
    if (version.isPresent()) {
      return version.get();
    }
    String where = p.hasProjectTable() ? p.whereDynamic() : p.toml().where("tool", "poetry");
    throw new ProjectReadException(
        "[tool.poetry] has no version and poetry-dynamic-versioning is not enabled",
        where,
        "add version = \"0.1.0\" under [project] (or [tool.poetry]), or enable"
            + " [tool.poetry-dynamic-versioning] to take it from git tags");
  }

  private static Optional<VersionSource> poetryVersion(Pyproject p) {
    boolean placeholder =
        p.toml().bool("tool", "poetry-dynamic-versioning", "enable").orElse(false);
    String label =
        placeholder
            ? "[tool.poetry].version (placeholder: poetry-dynamic-versioning sets the version)"
            : "[tool.poetry].version";
    return p.toml()
        .string("tool", "poetry", "version")
        .map(v -> v.source(SourceKind.POETRY, label, false));
  }

  private Optional<VersionSource> fromSetupCfg() {
    if (setupCfgVersion.isPresent()) {
      return Optional.of(primary(setupCfgVersion.get().orThrow()));
    }
    return vcsOf(VcsVersionDetector.Tool.VERSIONEER).map(DeclaredVersions::primary);
  }

  private Optional<VersionSource> vcsOf(VcsVersionDetector.Tool tool) {
    return vcsSources.stream().filter(v -> v.tool() == tool).map(v -> v.source()).findFirst();
  }

  private static ProjectReadException unresolved(Pyproject p, String why, String fix) {
    return new ProjectReadException(
        "[project] lists \"version\" in dynamic, but " + why, p.whereDynamic(), fix);
  }

  private static VersionSource primary(VersionSource s) {
    return Lookup.found(s).asPrimary().source();
  }
}
