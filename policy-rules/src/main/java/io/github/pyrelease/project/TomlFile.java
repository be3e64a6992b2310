package io.github.pyrelease.project;

import io.github.pyrelease.text.TomlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A parsed TOML file with typed, located access: a value of the wrong type is an error that names
 * the key and its line, and string values know the line and column their text starts at.
 */
final class TomlFile {

  private final SourceText text;
  private final TomlParseResult toml;

  private TomlFile(SourceText text, TomlParseResult toml) {
    this.text = text;
    this.toml = toml;
  }

  /** Parses TOML 1.0; a syntax error is reported with tomlj's line and column. */
  static TomlFile parse(SourceText text) {
    text.refuseByteOrderMark("Python's TOML parser");
    TomlText.Parsed parsed = TomlText.parse(text.text());
    if (parsed.tooDeep()) {
      throw new ProjectReadException(
          text.file() + " nests arrays or inline tables too deeply to parse",
          text.file(),
          "flatten the nesting; project configuration needs only a few levels");
    }
    if (!parsed.valid()) {
      int more = parsed.more();
      throw new ProjectReadException(
          text.file()
              + " is not valid TOML: "
              + parsed.error()
              + (more > 0 ? " (and " + more + " more error" + (more > 1 ? "s" : "") + ")" : ""),
          parsed.where(text.file()),
          "correct the TOML syntax at that line (https://toml.io/en/v1.0.0)");
    }
    TomlParseResult toml = parsed.toml();
    return new TomlFile(text, toml);
  }

  String file() {
    return text.file();
  }

  boolean contains(String... key) {
    return toml.contains(List.of(key));
  }

  /** {@code file:line} of a key, or of the file when the key has no position. */
  String where(String... key) {
    TomlPosition position = toml.inputPositionOf(List.of(key));
    return position == null ? text.file() : text.where(position.line());
  }

  /** The 1-based line of a key, or 0. */
  int line(String... key) {
    TomlPosition position = toml.inputPositionOf(List.of(key));
    return position == null ? 0 : position.line();
  }

  Optional<TomlTable> table(String... key) {
    return value(key, TomlTable.class, "a table");
  }

  Optional<Located> string(String... key) {
    return value(key, String.class, "a string").map(s -> locate(List.of(key), s));
  }

  Optional<Boolean> bool(String... key) {
    return value(key, Boolean.class, "true or false");
  }

  /** The value at {@code key} if present; present with another type is an error. */
  private <T> Optional<T> value(String[] key, Class<T> type, String expected) {
    Object value = toml.get(List.of(key));
    if (value == null) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    throw wrongType(key, expected);
  }

  /** An array of strings; a single string counts as a list of one when {@code orString}. */
  Optional<List<Located>> strings(boolean orString, String... key) {
    Object value = toml.get(List.of(key));
    if (value == null) {
      return Optional.empty();
    }
    if (orString && value instanceof String string) {
      return Optional.of(List.of(locate(List.of(key), string)));
    }
    if (!(value instanceof TomlArray array)) {
      throw wrongType(key, orString ? "a string or an array of strings" : "an array of strings");
    }
    List<Located> strings = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof String string)) {
        throw wrongType(key, "an array of strings");
      }
      TomlPosition at = array.inputPositionOf(i);
      strings.add(locateAt(at, string));
    }
    return Optional.of(strings);
  }

  /** An array of tables, such as {@code [[tool.poetry.packages]]} or inline tables in an array. */
  List<TomlTable> tables(String... key) {
    Object value = toml.get(List.of(key));
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof TomlArray array)) {
      throw wrongType(key, "an array of tables");
    }
    List<TomlTable> tables = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof TomlTable table) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** A table of string values, such as {@code [tool.setuptools] package-dir}. */
  Map<String, String> stringTable(String... key) {
    Map<String, String> result = new LinkedHashMap<>();
    Optional<TomlTable> table = table(key);
    if (table.isEmpty()) {
      return result;
    }
    for (String name : table.get().keySet()) {
      Object value = table.get().get(List.of(name));
      if (!(value instanceof String string)) {
        String[] path = Arrays.copyOf(key, key.length + 1);
        path[key.length] = name;
        throw wrongType(path, "a string");
      }
      result.put(name, string);
    }
    return result;
  }

  ProjectReadException wrongType(String[] key, String expected) {
    return new ProjectReadException(
        dotted(key) + " must be " + expected,
        where(key),
        "correct the value of " + dotted(key) + " in " + text.file());
  }

  /** Prints a key the way users write it: {@code tool.hatch.version.path}. */
  static String dotted(String... key) {
    StringBuilder dotted = new StringBuilder();
    for (String part : key) {
      if (dotted.length() > 0) {
        dotted.append('.');
      }
      dotted.append(part.matches("[A-Za-z0-9_-]+") ? part : '"' + part + '"');
    }
    return dotted.toString();
  }

  private Located locate(List<String> key, String value) {
    return locateAt(toml.inputPositionOf(key), value);
  }

  /**
   * tomlj gives the position of a key (or of an array element); the string text starts after the
   * {@code =} and the opening quotes. Escapes are not undone, so the column is exact only when the
   * value is written without escapes, as versions are.
   */
  private Located locateAt(TomlPosition at, String value) {
    if (at == null) {
      return new Located(value, text.file(), 0, 0);
    }
    String all = text.text();
    int offset = text.offsetOf(at.line(), at.column());
    int start = offset;
    if (!startsWithQuote(all, offset)) {
      start = afterEquals(all, offset);
    }
    if (start < 0 || !startsWithQuote(all, start)) {
      return new Located(value, text.file(), at.line(), at.column());
    }
    char quote = all.charAt(start);
    String triple = String.valueOf(quote).repeat(3);
    if (all.startsWith(triple, start)) {
      start += 3;
      if (start < all.length() && all.charAt(start) == '\n') {
        start++; // TOML drops a newline right after the opening quotes
      }
    } else {
      start++;
    }
    return text.locate(value, start);
  }

  private static boolean startsWithQuote(String all, int offset) {
    return offset < all.length() && (all.charAt(offset) == '"' || all.charAt(offset) == '\'');
  }

  /** The offset of the first non-blank character after the key's {@code =}, or -1. */
  private static int afterEquals(String all, int offset) {
    int i = offset;
    while (i < all.length() && all.charAt(i) != '=' && all.charAt(i) != '\n') {
      char c = all.charAt(i);
      if (c == '"' || c == '\'') {
        int close = all.indexOf(c, i + 1); // a quoted key part
        if (close < 0) {
          return -1;
        }
        i = close;
      }
      i++;
    }
    if (i >= all.length() || all.charAt(i) != '=') {
      return -1;
    }
    i++;
    while (i < all.length() && (all.charAt(i) == ' ' || all.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
