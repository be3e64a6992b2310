package io.github.pyrelease.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** setup.cfg, read the way setuptools reads it (see {@link IniReader}). */
final class SetupCfg {

  static final String FILE = "setup.cfg";

  private final IniFile ini;

  private SetupCfg(IniFile ini) {
    this.ini = ini;
  }

  static Optional<SetupCfg> read(ProjectFiles files) {
    return files.readIfPresent(FILE).map(IniReader::parse).map(SetupCfg::new);
  }

  IniFile ini() {
    return ini;
  }

  /** {@code [metadata] name}. */
  Optional<Located> name() {
    return ini.option("metadata", "name").map(IniFile.Option::located);
  }

  /**
   * {@code [metadata] version}: a literal, {@code attr: pkg.__version__} or {@code file: VERSION}.
   */
  Optional<IniFile.Option> version() {
    return ini.option("metadata", "version");
  }

  /**
   * {@code [options] package_dir}, parsed like setuptools' {@code _parse_dict}: one {@code package
   * = dir} per line (or comma-separated), {@code =src} meaning the root package directory.
   */
  Map<String, String> packageDir() {
    Map<String, String> packageDir = new LinkedHashMap<>();
    ini.option("options", "package_dir")
        .ifPresent(
            option -> {
              String value = option.value();
              String[] lines = value.contains("\n") ? value.split("\n") : value.split(",");
              for (String line : lines) {
                int equals = line.indexOf('=');
                if (equals >= 0) {
                  packageDir.put(
                      line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
              }
            });
    return packageDir;
  }

  /** {@code [options.packages.find] where}, when {@code [options] packages = find:}. */
  List<String> findWhere() {
    boolean find =
        ini.option("options", "packages")
            .map(o -> o.value().strip().startsWith("find"))
            .orElse(false);
    if (!find) {
      return List.of();
    }
    return ini.option("options.packages.find", "where")
        .map(o -> List.of(o.value().strip()))
        .orElse(List.of());
  }
}
