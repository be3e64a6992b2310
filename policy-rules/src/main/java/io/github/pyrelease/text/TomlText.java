package io.github.pyrelease.text;

import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * TOML 1.0 parsed with tomlj, every way it can fail brought to one shape: tomlj reports most syntax
 * errors in its result, but throws some (an invalid escape in a quoted table key) and recurses once
 * per nesting level (a stack overflow on hostile nesting). Callers word the failure for their file.
 */
public final class TomlText {

  private TomlText() {}

  /**
   * What parsing gave.
   *
   * @param toml the document, or {@code null} when it is not valid TOML
   * @param error what is wrong (tomlj's words, with its line and column), or {@code null}
   * @param line where, 1-based; 0 when tomlj gives no place
   * @param more how many further errors tomlj found
   * @param tooDeep the error is nesting deeper than the parser's stack
   */
  public record Parsed(
      TomlParseResult toml, String error, int line, int column, int more, boolean tooDeep) {

    public boolean valid() {
      return error == null;
    }

    /** "file:line:column", or the file alone when there is no place. */
    public String where(String file) {
      return line > 0 ? file + ":" + line + ":" + column : file;
    }
  }

  public static Parsed parse(String text) {
    TomlParseResult toml;
    try {
      toml = Toml.parse(text, TomlVersion.V1_0_0);
    } catch (TomlParseError e) {
      return failed(e, 0);
    } catch (StackOverflowError e) {
      return new Parsed(null, "nests arrays or tables too deeply to parse", 0, 0, 0, true);
    }
    List<TomlParseError> errors = toml.errors();
    if (!errors.isEmpty()) {
      return failed(errors.get(0), errors.size() - 1);
    }
    return new Parsed(toml, null, 0, 0, 0, false);
  }

  private static Parsed failed(TomlParseError error, int more) {
    int line = error.position() == null ? 0 : error.position().line();
    int column = error.position() == null ? 0 : error.position().column();
    return new Parsed(null, error.getMessage(), line, column, more, false);
  }
}
