package io.github.pyrelease.project;

import java.util.List;
import java.util.Map;

/**
 * A project's bump-my-version / bumpversion configuration, as written: the first of {@code
 * .bumpversion.cfg}, {@code .bumpversion.toml}, {@code setup.cfg} and {@code pyproject.toml} that
 * has a {@code [bumpversion]} section or a {@code [tool.bumpversion]} table, as bump-my-version
 * chooses. Values the file does not set are {@code null} (or empty lists): defaults belong to
 * whoever applies the configuration.
 *
 * @param file the configuration file, relative to the project
 * @param where {@code file:line} of the section
 * @param currentVersion {@code current_version}, or null
 * @param parse the {@code parse} regular expression (Python syntax), or null
 * @param serialize the {@code serialize} formats, empty when not set
 * @param search {@code search}, or null
 * @param replace {@code replace}, or null
 * @param regex {@code regex}, or null
 * @param ignoreMissingVersion {@code ignore_missing_version}, or null
 * @param ignoreMissingFiles {@code ignore_missing_files}, or null
 * @param commit {@code commit}, or null
 * @param tag {@code tag}, or null
 * @param tagName {@code tag_name}, or null
 * @param message {@code message}, or null
 * @param allowDirty {@code allow_dirty}, or null
 * @param parts the version component settings by name
 * @param files the files entries, in order
 */
public record BumpversionSettings(
    String file,
    String where,
    String currentVersion,
    String parse,
    List<String> serialize,
    String search,
    String replace,
    Boolean regex,
    Boolean ignoreMissingVersion,
    Boolean ignoreMissingFiles,
    Boolean commit,
    Boolean tag,
    String tagName,
    String message,
    Boolean allowDirty,
    Map<String, Part> parts,
    List<FileEntry> files) {

  public BumpversionSettings {
    serialize = List.copyOf(serialize);
    parts = Map.copyOf(parts);
    files = List.copyOf(files);
  }

  /**
   * A version component's settings ({@code [tool.bumpversion.parts.NAME]}, {@code
   * [bumpversion:part:NAME]}).
   *
   * @param values the values of a values component, empty for a numeric one
   * @param optionalValue {@code optional_value}, or null
   * @param firstValue {@code first_value}, or null
   */
  public record Part(List<String> values, String optionalValue, String firstValue) {
    public Part {
      values = List.copyOf(values);
    }
  }

  /**
   * One {@code [[tool.bumpversion.files]]} entry or {@code [bumpversion:file:NAME]} / {@code
   * [bumpversion:glob:PATTERN]} section; null means "as the global setting".
   *
   * @param filename the file, relative to the project, or null for a glob entry
   * @param glob the glob pattern, or null
   * @param globExclude patterns excluded from the glob
   * @param where {@code file:line} of the entry, for messages
   */
  public record FileEntry(
      String filename,
      String glob,
      List<String> globExclude,
      String parse,
      List<String> serialize,
      String search,
      String replace,
      Boolean regex,
      Boolean ignoreMissingVersion,
      Boolean ignoreMissingFile,
      String where) {

    public FileEntry {
      globExclude = List.copyOf(globExclude);
      serialize = List.copyOf(serialize);
    }
  }
}
