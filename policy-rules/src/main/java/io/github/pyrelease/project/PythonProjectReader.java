package io.github.pyrelease.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Python project directory: its name, every place that declares its version and its
 * changelog. Only the directory given is read (it may be a sub-folder of a repository); nothing is
 * run and git is not consulted.
 *
 * <h2>Version sources</h2>
 *
 * <p>Each {@link VersionSource} gives the file (relative to the project, forward slashes), the
 * 1-based line and column where the version text starts, the text as written and a label:
 *
 * <ul>
 *   <li>{@code [project].version}, {@code [tool.poetry].version}: pyproject.toml;
 *   <li>{@code [tool.bumpversion].current_version} (pyproject.toml, .bumpversion.toml), {@code
 *       [bumpversion] current_version} (.bumpversion.cfg, setup.cfg);
 *   <li>{@code [metadata] version}: a literal in setup.cfg;
 *   <li>{@code __version__ (<route>)}: the module attribute a build backend reads, where route is
 *       {@code [tool.setuptools.dynamic] version attr}, {@code setup.cfg [metadata] version attr:},
 *       {@code [tool.hatch.version] path}, {@code [tool.hatch.version] source = "code"}, {@code
 *       flit module <name>} or {@code [tool.pdm.version] path}; {@code [tool.hatch.version]
 *       pattern} for a custom hatch pattern;
 *   <li>{@code version file (<route>)}: a file setuptools reads whole; {@code VERSION file}: a
 *       {@code VERSION} or {@code VERSION.txt} at the root;
 *   <li>{@code __version__}, {@code VERSION}, {@code version} and {@code <name> (tuple)}: literal
 *       assignments in the project's own packages (module-level statements only); runtime lookups
 *       such as {@code importlib.metadata.version(...)} are not sources and are skipped;
 *   <li>{@code <tool> (version from git tags)}: setuptools_scm, hatch-vcs, pdm-backend scm,
 *       poetry-dynamic-versioning, versioneer; {@link SourceKind#VCS} with no text.
 * </ul>
 *
 * <p>The source the build backend takes the version from is {@linkplain VersionSource#primary()
 * primary} and comes first; the others follow by file (pyproject.toml, setup.cfg,
 * .bumpversion.toml, .bumpversion.cfg, then other files by path) and line. A file and line is
 * reported once.
 *
 * <h2>Limits</h2>
 *
 * <p>No file over 4 MiB is read (its size is checked before reading); text must be strict UTF-8
 * without NUL bytes; only the root, {@code src/} and configured package directories are listed, one
 * level deep and up to 10,000 entries each; at most 32 packages and in each only its version
 * modules are read; imports are followed at most 5 modules deep. Every problem is a {@link
 * ProjectReadException} saying what, where and how to fix it.
 */
public final class PythonProjectReader {

  private final ProjectFiles.Opener opener;

  public PythonProjectReader() {
    this(Files::newInputStream);
  }

  PythonProjectReader(ProjectFiles.Opener opener) {
    this.opener = opener;
  }

  /**
   * Reads the project in {@code projectDir}.
   *
   * @throws ProjectReadException when the directory is not a readable Python project, a file is
   *     malformed, too large or not UTF-8, or a declared version cannot be found
   */
  public PythonProject read(Path projectDir) {
    Objects.requireNonNull(projectDir, "projectDir");
    ProjectFiles files = ProjectFiles.open(projectDir, opener);
    Optional<Pyproject> pyproject = Pyproject.read(files);
    Optional<SetupCfg> setupCfg = SetupCfg.read(files);
    if (pyproject.isEmpty() && setupCfg.isEmpty() && !files.isFile("setup.py")) {
      throw new ProjectReadException(
          io.github.pyrelease.Hint.of(
              "point pyrelease at the directory that holds pyproject.toml (",
              io.github.pyrelease.Setting.PROJECT_DIR.is("path"),
              ")"),
          "not a Python project: there is no pyproject.toml, setup.cfg or setup.py",
          projectDir.toString(),
          null);
    }
    DeclaredVersions declared = new DeclaredVersions(files, pyproject, setupCfg);
    VersionSourceList sources = new VersionSourceList();
    Optional<VersionSource> primary = declared.primary();
    primary.ifPresent(sources::add);
    sources.addAll(declared.declared());
    sources.addAll(BumpversionConfigReader.read(files, pyproject, setupCfg));
    for (String file : VersionFileReader.ROOT_FILES) {
      if (files.isFile(file)) {
        VersionFileReader.read(files, file, "VERSION file", file)
            .optional()
            .ifPresent(sources::add);
      }
    }
    List<String> names = new ArrayList<>();
    Optional<Located> name =
        pyproject.flatMap(Pyproject::name).or(() -> setupCfg.flatMap(SetupCfg::name));
    name.ifPresent(n -> names.add(n.value()));
    pyproject.flatMap(p -> new FlitVersionReader(files, p).moduleName()).ifPresent(names::add);
    sources.addAll(
        new PackageVersionScanner(files)
            .scan(pyproject, setupCfg, names, sources.all(), declared.generatedFiles()));
    if (sources.isEmpty()) {
      throw noVersion(files, pyproject.isPresent());
    }
    return new PythonProject(
        files.root(),
        name.map(Located::value).orElse(null),
        sources.ordered(),
        ChangelogReader.read(files, pyproject).orElse(null),
        declared.scm(primary).orElse(null));
  }

  /**
   * Reads the changelog at {@code file}, relative to {@code projectDir}; empty when there is no
   * such file.
   *
   * @throws ProjectReadException when the file is unreadable, too large or not UTF-8
   */
  public Optional<Changelog> readChangelog(Path projectDir, String file) {
    ProjectFiles files = ProjectFiles.open(projectDir, opener);
    Optional<Towncrier> towncrier = Towncrier.read(files, Pyproject.read(files));
    return ChangelogReader.read(files, file).map(c -> towncrier.map(t -> t.pending(c)).orElse(c));
  }

  /**
   * The bump-my-version configuration bump-my-version would use in {@code projectDir}, if any.
   *
   * @throws ProjectReadException when the configuration file is malformed
   */
  public Optional<BumpversionSettings> readBumpversionSettings(Path projectDir) {
    return BumpversionSettingsReader.read(ProjectFiles.open(projectDir, opener));
  }

  /**
   * A reader that sees {@code contents} (absolute, normalised paths) instead of what the disk holds
   * for those files: a planned change can be read back before it is written.
   */
  public static PythonProjectReader overlaying(java.util.Map<Path, byte[]> contents) {
    java.util.Map<Path, byte[]> copy = java.util.Map.copyOf(contents);
    return new PythonProjectReader(
        file -> {
          byte[] planned = copy.get(file.toAbsolutePath().normalize());
          return planned != null
              ? new java.io.ByteArrayInputStream(planned)
              : Files.newInputStream(file);
        });
  }

  private static ProjectReadException noVersion(ProjectFiles files, boolean pyproject) {
    String fix =
        pyproject
            ? "add version = \"0.1.0\" under [project] in pyproject.toml, or dynamic ="
                + " [\"version\"] with a version source such as [tool.setuptools.dynamic] version"
                + " = {attr = \"<package>.__version__\"} or [tool.hatch.version] path"
            : "add version = 0.1.0 under [metadata] in setup.cfg, or move the metadata to"
                + " pyproject.toml with version = \"0.1.0\" under [project]";
    if (files.isFile("setup.py")) {
      fix += "; pyrelease does not run setup.py, so a version set only there cannot be read";
    }
    return new ProjectReadException(
        "the project declares no version anywhere pyrelease looks",
        pyproject ? Pyproject.FILE : (files.isFile(SetupCfg.FILE) ? SetupCfg.FILE : "setup.py"),
        fix);
  }
}
