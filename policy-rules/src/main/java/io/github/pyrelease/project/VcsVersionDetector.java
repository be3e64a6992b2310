package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises versions derived from git tags at build time. They are reported as {@link
 * SourceKind#VCS} sources without text (pyrelease does not guess the version a tool would derive),
 * located at the configuration that enables them. Also names the files these tools generate, which
 * hold a copy of a derived version and are therefore not sources.
 */
final class VcsVersionDetector {

  /** The tools recognised, with the label of their source. */
  enum Tool {
    SETUPTOOLS_SCM("setuptools_scm"),
    HATCH_VCS("hatch-vcs"),
    PDM_SCM("pdm-backend scm"),
    POETRY_DYNAMIC_VERSIONING("poetry-dynamic-versioning"),
    VERSIONEER("versioneer");

    private final String label;

    Tool(String label) {
      this.label = label + " (version from git tags)";
    }

    String label() {
      return label;
    }
  }

  /**
   * One recognised tool and its source, with the settings pyrelease computes the version from
   * ({@code null} for the tools it does not compute).
   */
  record Vcs(Tool tool, VersionSource source, ScmSettings settings) {

    Vcs(Tool tool, VersionSource source) {
      this(tool, source, null);
    }
  }

  /** Keys of setuptools_scm's configuration that do not change the computed version. */
  private static final java.util.Set<String> NEUTRAL_KEYS =
      java.util.Set.of(
          "root",
          "version_scheme",
          "local_scheme",
          "tag_regex",
          "fallback_version",
          "search_parent_directories",
          "dist_name",
          "relative_to",
          "write_to",
          "write_to_template",
          "version_file",
          "version_file_template",
          "fallback_root");

  private final Optional<Pyproject> pyproject;
  private final Optional<SetupCfg> setupCfg;

  VcsVersionDetector(Optional<Pyproject> pyproject, Optional<SetupCfg> setupCfg) {
    this.pyproject = pyproject;
    this.setupCfg = setupCfg;
  }

  /** Every tool configured, in the order of {@link Tool}. */
  List<Vcs> detect() {
    List<Vcs> found = new ArrayList<>();
    pyproject.ifPresent(p -> detect(p, found));
    setupCfg
        .flatMap(cfg -> cfg.ini().section("versioneer"))
        .ifPresent(s -> found.add(vcs(Tool.VERSIONEER, SetupCfg.FILE, s.line())));
    return found;
  }

  private static void detect(Pyproject pyproject, List<Vcs> found) {
    TomlFile toml = pyproject.toml();
    String file = toml.file();
    String name = pyproject.name().map(Located::value).orElse(null);
    if (toml.contains("tool", "setuptools_scm")) {
      int line = toml.line("tool", "setuptools_scm");
      found.add(
          new Vcs(
              Tool.SETUPTOOLS_SCM,
              source(Tool.SETUPTOOLS_SCM, file, line, 1),
              settings(
                  toml,
                  "setuptools_scm",
                  file + ":" + line,
                  name,
                  null,
                  null,
                  new String[] {"tool", "setuptools_scm"})));
    } else if (pyproject.backend() == BuildBackend.SETUPTOOLS
        && pyproject.versionIsDynamic()
        && !SetuptoolsVersionReader.configured(pyproject)
        && pyproject.buildRequires("setuptools-scm")) {
      // setup.py's use_scm_version, with setuptools-scm in the build requirements
      found.add(vcs(Tool.SETUPTOOLS_SCM, file, toml.line("build-system", "requires")));
    }
    Optional<Located> hatchSource = toml.string("tool", "hatch", "version", "source");
    if (hatchSource.map(s -> s.value().equals("vcs")).orElse(false)) {
      Located at = hatchSource.get();
      found.add(
          new Vcs(
              Tool.HATCH_VCS,
              source(Tool.HATCH_VCS, file, at.line(), Math.max(1, at.column())),
              hatchSettings(toml, at.where(), name)));
    }
    if (toml.string("tool", "pdm", "version", "source")
        .map(s -> s.value().equals("scm"))
        .orElse(false)) {
      found.add(vcs(Tool.PDM_SCM, file, toml.line("tool", "pdm", "version", "source")));
    }
    if (toml.bool("tool", "poetry-dynamic-versioning", "enable").orElse(false)) {
      found.add(
          vcs(
              Tool.POETRY_DYNAMIC_VERSIONING,
              file,
              toml.line("tool", "poetry-dynamic-versioning", "enable")));
    }
    if (toml.contains("tool", "versioneer")) {
      found.add(vcs(Tool.VERSIONEER, file, toml.line("tool", "versioneer")));
    }
  }

  /** A tool configured by a table or key at {@code line}: its column is the line's first. */
  private static Vcs vcs(Tool tool, String file, int line) {
    return new Vcs(tool, source(tool, file, line, line > 0 ? 1 : 0));
  }

  private static VersionSource source(Tool tool, String file, int line, int column) {
    return new VersionSource(SourceKind.VCS, file, line, column, null, tool.label(), false);
  }

  /**
   * setuptools_scm's settings in the table at {@code table}: its own {@code [tool.setuptools_scm]}
   * or hatch-vcs's {@code raw-options}.
   */
  private static ScmSettings settings(
      TomlFile toml,
      String tool,
      String where,
      String name,
      String tagPattern,
      String fallback,
      String[] table) {
    java.util.function.Function<String, Optional<Located>> text =
        key -> {
          String[] path = java.util.Arrays.copyOf(table, table.length + 1);
          path[table.length] = key;
          return toml.contains(path) ? toml.string(path) : Optional.empty();
        };
    List<String> unsupported = new ArrayList<>();
    toml.table(table)
        .ifPresent(
            t -> {
              for (String key : new java.util.TreeSet<>(t.keySet())) {
                if (!NEUTRAL_KEYS.contains(key)) {
                  unsupported.add(key + " = " + t.get(List.of(key)));
                }
              }
            });
    String[] parents = java.util.Arrays.copyOf(table, table.length + 1);
    parents[table.length] = "search_parent_directories";
    boolean searchParents = toml.contains(parents) && toml.bool(parents).orElse(false);
    String tagRegex = text.apply("tag_regex").map(Located::value).orElse(tagPattern);
    return new ScmSettings(
        tool,
        where,
        text.apply("root").map(Located::value).orElse("."),
        tagRegex == null || tagRegex.isEmpty() ? null : tagRegex,
        text.apply("version_scheme").map(Located::value).orElse(ScmSettings.DEFAULT_VERSION_SCHEME),
        text.apply("local_scheme").map(Located::value).orElse(ScmSettings.DEFAULT_LOCAL_SCHEME),
        fallback != null
            ? fallback
            : text.apply("fallback_version").map(Located::value).orElse(null),
        searchParents,
        text.apply("dist_name").map(Located::value).orElse(name),
        unsupported);
  }

  /**
   * hatch-vcs passes {@code raw-options} to setuptools_scm, then its own {@code tag-pattern} when
   * raw-options has no {@code tag_regex}, and its {@code fallback-version} over raw-options' when
   * not empty.
   */
  private static ScmSettings hatchSettings(TomlFile toml, String where, String name) {
    String tagPattern =
        toml.string("tool", "hatch", "version", "tag-pattern").map(Located::value).orElse(null);
    String fallback =
        toml.string("tool", "hatch", "version", "fallback-version")
            .map(Located::value)
            .filter(v -> !v.isEmpty())
            .orElse(null);
    return settings(
        toml,
        "hatch-vcs",
        where,
        name,
        tagPattern,
        fallback,
        new String[] {"tool", "hatch", "version", "raw-options"});
  }

  /**
   * Files these tools write the derived version to (setuptools_scm {@code version_file} / {@code
   * write_to}, hatch-vcs's build hook {@code version-file}, pdm-backend's {@code write_to},
   * versioneer's {@code versionfile_source}), relative to the project.
   */
  Set<String> generatedFiles(ProjectFiles files) {
    Set<String> generated = new LinkedHashSet<>();
    pyproject.ifPresent(
        p -> {
          TomlFile toml = p.toml();
          toml.string("tool", "setuptools_scm", "version_file")
              .ifPresent(f -> add(files, generated, f));
          toml.string("tool", "setuptools_scm", "write_to")
              .ifPresent(f -> add(files, generated, f));
          toml.string("tool", "hatch", "build", "hooks", "vcs", "version-file")
              .ifPresent(f -> add(files, generated, f));
          toml.string("tool", "versioneer", "versionfile_source")
              .ifPresent(f -> add(files, generated, f));
          // pdm-backend writes relative to the package directory, which is often src/
          toml.string("tool", "pdm", "version", "write_to")
              .ifPresent(
                  f -> {
                    add(files, generated, f);
                    generated.add(files.join("src", f.value()));
                  });
        });
    setupCfg
        .flatMap(cfg -> cfg.ini().option("versioneer", "versionfile_source"))
        .ifPresent(o -> generated.add(files.normalise(o.value().strip())));
    return generated;
  }

  private static void add(ProjectFiles files, Set<String> generated, Located file) {
    generated.add(files.normalise(file.value()));
  }
}
