package io.github.pyrelease.project;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An INI file as Python's configparser reads it (see {@link IniReader}). */
final class IniFile {

  /**
   * One option: its value joined the way configparser joins continuation lines, and where the first
   * non-empty part of the value starts.
   */
  record Option(String key, String value, int line, int column, String file) {

    /** The value without surrounding blanks, located at its first character. */
    Located located() {
      return new Located(value.strip(), file, line, column);
    }

    String where() {
      return file + ":" + line;
    }
  }

  /** One section; option keys are lower case, as configparser's {@code optionxform} makes them. */
  record Section(String name, int line, Map<String, Option> options) {

    Optional<Option> option(String key) {
      return Optional.ofNullable(options.get(key.toLowerCase(Locale.ROOT)));
    }
  }

  private final String file;
  private final Map<String, Section> sections;

  IniFile(String file, Map<String, Section> sections) {
    this.file = file;
    this.sections = new LinkedHashMap<>(sections);
  }

  String file() {
    return file;
  }

  /** Every section, in file order. */
  java.util.Collection<Section> sections() {
    return java.util.Collections.unmodifiableCollection(sections.values());
  }

  /** A section by its exact (case-sensitive) name. */
  Optional<Section> section(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  Optional<Option> option(String section, String key) {
    return section(section).flatMap(s -> s.option(key));
  }
}
