package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code current_version} from every bump-my-version / bumpversion configuration file, in
 * bump-my-version's precedence order: {@code .bumpversion.cfg} ({@code [bumpversion]}), {@code
 * .bumpversion.toml} ({@code [tool.bumpversion]}), setup.cfg ({@code [bumpversion]}) and
 * pyproject.toml ({@code [tool.bumpversion]}). The tool uses only the first file it finds, but a
 * stale copy in another is still a second version, so all are reported.
 */
final class BumpversionConfigReader {

  static final String CFG_FILE = ".bumpversion.cfg";
  static final String TOML_FILE = ".bumpversion.toml";
  private static final String TOML_LABEL = "[tool.bumpversion].current_version";
  private static final String INI_LABEL = "[bumpversion] current_version";

  private BumpversionConfigReader() {}

  static List<VersionSource> read(
      ProjectFiles files, Optional<Pyproject> pyproject, Optional<SetupCfg> setupCfg) {
    List<VersionSource> sources = new ArrayList<>();
    files.readIfPresent(CFG_FILE).map(IniReader::parse).ifPresent(ini -> fromIni(ini, sources));
    files.readIfPresent(TOML_FILE).map(TomlFile::parse).ifPresent(toml -> fromToml(toml, sources));
    setupCfg.ifPresent(cfg -> fromIni(cfg.ini(), sources));
    pyproject.ifPresent(p -> fromToml(p.toml(), sources));
    return sources;
  }

  private static void fromIni(IniFile ini, List<VersionSource> sources) {
    ini.option("bumpversion", "current_version")
        .map(IniFile.Option::located)
        .filter(v -> !v.value().isEmpty())
        .ifPresent(v -> sources.add(v.source(SourceKind.BUMPVERSION, INI_LABEL, false)));
  }

  private static void fromToml(TomlFile toml, List<VersionSource> sources) {
    toml.string("tool", "bumpversion", "current_version")
        .filter(v -> !v.value().isEmpty())
        .ifPresent(v -> sources.add(v.source(SourceKind.BUMPVERSION, TOML_LABEL, false)));
  }
}
