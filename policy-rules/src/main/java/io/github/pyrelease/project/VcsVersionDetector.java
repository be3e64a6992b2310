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

  /** One recognised tool and its source. */
  record Vcs(Tool tool, VersionSource source) {}

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
    if (toml.contains("tool", "setuptools_scm")) {
      found.add(vcs(Tool.SETUPTOOLS_SCM, file, toml.line("tool", "setuptools_scm")));
    } else if (pyproject.backend() == BuildBackend.SETUPTOOLS
        && pyproject.versionIsDynamic()
        && !SetuptoolsVersionReader.configured(pyproject)
        && pyproject.buildRequires("setuptools-scm")) {
      // setup.py's use_scm_version, with setuptools-scm in the build requirements
      found.add(vcs(Tool.SETUPTOOLS_SCM, file, toml.line("build-system", "requires")));
    }
    if (toml.string("tool", "hatch", "version", "source")
        .map(s -> s.value().equals("vcs"))
        .orElse(false)) {
      found.add(vcs(Tool.HATCH_VCS, file, toml.line("tool", "hatch", "version", "source")));
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

  private static Vcs vcs(Tool tool, String file, int line) {
    return new Vcs(
        tool, new VersionSource(SourceKind.VCS, file, line, 0, null, tool.label(), false));
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
