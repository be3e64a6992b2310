package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads the bump-my-version configuration bump-my-version itself would use (see {@link
 * BumpversionSettings}). INI values are read as configparser gives them (multi-line values joined
 * by newlines; {@code serialize} and {@code values} one item per line); booleans accept what
 * configparser's {@code getboolean} accepts.
 */
final class BumpversionSettingsReader {

  private static final Pattern INI_FILE_SECTION =
      Pattern.compile("bumpversion:(?<kind>file|glob)(?:\\s*\\((?<label>[^)]*)\\))?:(?<target>.+)");
  private static final Pattern INI_PART_SECTION = Pattern.compile("bumpversion:part:(?<name>.+)");

  private BumpversionSettingsReader() {}

  static Optional<BumpversionSettings> read(ProjectFiles files) {
    // bump-my-version's order; INI files count when they have [bumpversion], TOML ones
    // [tool.bumpversion]
    for (String file :
        List.of(
            BumpversionConfigReader.CFG_FILE,
            BumpversionConfigReader.TOML_FILE,
            SetupCfg.FILE,
            Pyproject.FILE)) {
      Optional<SourceText> text = files.readIfPresent(file);
      if (text.isEmpty()) {
        continue;
      }
      if (file.endsWith(".cfg")) {
        IniFile ini = IniReader.parse(text.get());
        if (ini.section("bumpversion").isPresent()) {
          return Optional.of(fromIni(ini));
        }
      } else {
        TomlFile toml = TomlFile.parse(text.get());
        if (toml.contains("tool", "bumpversion")) {
          return Optional.of(fromToml(toml));
        }
      }
    }
    return Optional.empty();
  }

  private static BumpversionSettings fromIni(IniFile ini) {
    IniFile.Section main = ini.section("bumpversion").orElseThrow();
    Map<String, BumpversionSettings.Part> parts = new LinkedHashMap<>();
    List<BumpversionSettings.FileEntry> files = new ArrayList<>();
    for (IniFile.Section section : ini.sections()) {
      Matcher part = INI_PART_SECTION.matcher(section.name());
      if (part.matches()) {
        parts.put(
            part.group("name").strip(),
            new BumpversionSettings.Part(
                lines(section, "values"),
                string(section, "optional_value"),
                string(section, "first_value")));
        continue;
      }
      Matcher file = INI_FILE_SECTION.matcher(section.name());
      if (file.matches()) {
        boolean glob = file.group("kind").equals("glob");
        String target = file.group("target").strip();
        files.add(
            new BumpversionSettings.FileEntry(
                glob ? null : target,
                glob ? target : null,
                lines(section, "glob_exclude"),
                string(section, "parse"),
                lines(section, "serialize"),
                string(section, "search"),
                string(section, "replace"),
                bool(ini, section, "regex"),
                bool(ini, section, "ignore_missing_version"),
                bool(ini, section, "ignore_missing_file"),
                ini.file() + ":" + section.line()));
      }
    }
    return new BumpversionSettings(
        ini.file(),
        ini.file() + ":" + main.line(),
        string(main, "current_version"),
        string(main, "parse"),
        lines(main, "serialize"),
        string(main, "search"),
        string(main, "replace"),
        bool(ini, main, "regex"),
        bool(ini, main, "ignore_missing_version"),
        bool(ini, main, "ignore_missing_files"),
        bool(ini, main, "commit"),
        bool(ini, main, "tag"),
        string(main, "tag_name"),
        string(main, "message"),
        bool(ini, main, "allow_dirty"),
        parts,
        files);
  }

  private static String string(IniFile.Section section, String key) {
    return section.option(key).map(o -> o.value().strip()).orElse(null);
  }

  private static List<String> lines(IniFile.Section section, String key) {
    return section
        .option(key)
        .map(o -> o.value().lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
        .orElse(List.of());
  }

  private static Boolean bool(IniFile ini, IniFile.Section section, String key) {
    Optional<IniFile.Option> option = section.option(key);
    if (option.isEmpty()) {
      return null;
    }
    return switch (option.get().value().strip().toLowerCase(Locale.ROOT)) {
      case "1", "yes", "true", "on" -> true;
      case "0", "no", "false", "off" -> false;
      default ->
          throw new ProjectReadException(
              key + " must be True or False, not '" + option.get().value().strip() + "'",
              option.get().where(),
              "write " + key + " = True or " + key + " = False in " + ini.file());
    };
  }

  private static BumpversionSettings fromToml(TomlFile toml) {
    String[] base = {"tool", "bumpversion"};
    Map<String, BumpversionSettings.Part> parts = new LinkedHashMap<>();
    toml.table(key(base, "parts"))
        .ifPresent(
            table -> {
              for (String name : table.keySet()) {
                String[] at = key(base, "parts", name);
                parts.put(
                    name,
                    new BumpversionSettings.Part(
                        scalars(toml, key(at, "values")),
                        scalar(toml, key(at, "optional_value")),
                        scalar(toml, key(at, "first_value"))));
              }
            });
    List<BumpversionSettings.FileEntry> files = new ArrayList<>();
    List<TomlTable> entries = toml.tables(key(base, "files"));
    Object raw = toml.table(base).map(t -> t.get("files")).orElse(null);
    for (int i = 0; i < entries.size(); i++) {
      TomlTable entry = entries.get(i);
      TomlPosition position = raw instanceof TomlArray array ? array.inputPositionOf(i) : null;
      String where = toml.file() + (position == null ? "" : ":" + position.line());
      files.add(
          new BumpversionSettings.FileEntry(
              entryString(entry, "filename", where),
              entryString(entry, "glob", where),
              entryStrings(entry, "glob_exclude", where),
              entryString(entry, "parse", where),
              entryStrings(entry, "serialize", where),
              entryString(entry, "search", where),
              entryString(entry, "replace", where),
              entryBool(entry, "regex", where),
              entryBool(entry, "ignore_missing_version", where),
              entryBool(entry, "ignore_missing_file", where),
              where));
    }
    return new BumpversionSettings(
        toml.file(),
        toml.where(base),
        toml.string(key(base, "current_version")).map(Located::value).orElse(null),
        toml.string(key(base, "parse")).map(Located::value).orElse(null),
        toml.strings(true, key(base, "serialize")).orElse(List.of()).stream()
            .map(Located::value)
            .toList(),
        toml.string(key(base, "search")).map(Located::value).orElse(null),
        toml.string(key(base, "replace")).map(Located::value).orElse(null),
        toml.bool(key(base, "regex")).orElse(null),
        toml.bool(key(base, "ignore_missing_version")).orElse(null),
        toml.bool(key(base, "ignore_missing_files")).orElse(null),
        toml.bool(key(base, "commit")).orElse(null),
        toml.bool(key(base, "tag")).orElse(null),
        toml.string(key(base, "tag_name")).map(Located::value).orElse(null),
        toml.string(key(base, "message")).map(Located::value).orElse(null),
        toml.bool(key(base, "allow_dirty")).orElse(null),
        parts,
        files);
  }

  /** A string or number (TOML allows {@code first_value = 1}), as text. */
  private static String scalar(TomlFile toml, String... key) {
    Object value =
        toml.table(java.util.Arrays.copyOf(key, key.length - 1))
            .map(t -> t.get(List.of(key[key.length - 1])))
            .orElse(null);
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Long) {
      return value.toString();
    }
    throw toml.wrongType(key, "a string or an integer");
  }

  private static List<String> scalars(TomlFile toml, String... key) {
    Object value =
        toml.table(java.util.Arrays.copyOf(key, key.length - 1))
            .map(t -> t.get(List.of(key[key.length - 1])))
            .orElse(null);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof TomlArray array)) {
      throw toml.wrongType(key, "an array");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.get(i);
      if (!(item instanceof String || item instanceof Long)) {
        throw toml.wrongType(key, "an array of strings");
      }
      values.add(item.toString());
    }
    return values;
  }

  private static String entryString(TomlTable entry, String key, String where) {
    Object value = entry.get(List.of(key));
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw entryType(key, "a string", where);
  }

  private static List<String> entryStrings(TomlTable entry, String key, String where) {
    Object value = entry.get(List.of(key));
    if (value == null) {
      return List.of();
    }
    if (value instanceof String single) {
      return List.of(single);
    }
    if (value instanceof TomlArray array) {
      List<String> strings = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (!(array.get(i) instanceof String s)) {
          throw entryType(key, "an array of strings", where);
        }
        strings.add(s);
      }
      return strings;
    }
    throw entryType(key, "an array of strings", where);
  }

  private static Boolean entryBool(TomlTable entry, String key, String where) {
    Object value = entry.get(List.of(key));
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw entryType(key, "true or false", where);
  }

  private static ProjectReadException entryType(String key, String expected, String where) {
    return new ProjectReadException(
        "the [[tool.bumpversion.files]] entry's " + key + " must be " + expected,
        where,
        "correct " + key + " in that entry");
  }

  private static String[] key(String[] base, String... more) {
    String[] key = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, key, base.length, more.length);
    return key;
  }
}
