package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.text.TomlText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/** Reading the files an inventory comes from, with errors that name them. */
final class InventoryFiles {

  /** Larger than any real lock or requirements file, and small enough to hold in memory. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Path projectDir;

  InventoryFiles(Path projectDir) {
    this.projectDir = real(projectDir);
  }

  /** The path with links resolved where it exists (site-packages are found that way). */
  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /** The file as reports show it: relative to the project when inside it, forward slashes. */
  String display(Path file) {
    Path absolute = real(file);
    Path shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  /** The text of a UTF-8 file, without a byte order mark, line ends normalised to {@code \n}. */
  String read(Path file) {
    String shown = display(file);
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new InventoryReadException(
            shown + " is " + size + " bytes, more than the " + MAX_BYTES + " an inventory reads",
            shown,
            "point the audit at the real lock or requirements file");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return text.replace("\r\n", "\n").replace('\r', '\n');
    } catch (CharacterCodingException e) {
      throw new InventoryReadException(
          shown + " is not UTF-8 text", shown, "save it as UTF-8 (lock files always are)", e);
    } catch (IOException e) {
      throw new InventoryReadException(
          "cannot read " + shown + ": " + e.getMessage(),
          shown,
          "check that it exists and is readable",
          e);
    }
  }

  /**
   * A parsed TOML file with its text, to tell the line a value starts on: tomlj places an array
   * element where the whitespace before it starts, on the line of the preceding comma.
   */
  record TomlDocument(String text, TomlParseResult toml) {

    /** The 1-based line of the value at {@code position}, or 0 without one. */
    int line(TomlPosition position) {
      if (position == null) {
        return 0;
      }
      int line = position.line();
      int offset = 0;
      for (int l = 1; l < line && offset >= 0; l++) {
        offset = text.indexOf('\n', offset) + 1;
        if (offset == 0) {
          return line;
        }
      }
      int i = offset + Math.max(0, position.column() - 1);
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\n') {
          line++;
        } else if (c == '#') {
          int end = text.indexOf('\n', i);
          if (end < 0) {
            break;
          }
          i = end;
          continue;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != ',' && c != '[') {
          break;
        }
        i++;
      }
      return line;
    }
  }

  /** Parses a TOML file; a syntax error names the line and what kind of file was expected. */
  TomlParseResult toml(Path file, String kind) {
    return document(file, kind).toml();
  }

  /** As {@link #toml}, keeping the text. */
  TomlDocument document(Path file, String kind) {
    String shown = display(file);
    String text = read(file);
    TomlText.Parsed parsed = TomlText.parse(text);
    if (parsed.tooDeep()) {
      throw new InventoryReadException(
          shown + " nests arrays or tables too deeply to be " + kind,
          shown,
          "regenerate it with the tool that wrote it");
    }
    if (!parsed.valid()) {
      throw new InventoryReadException(
          shown + " is not valid TOML, so it is not " + kind + ": " + parsed.error(),
          parsed.line() > 0 ? shown + ":" + parsed.line() : shown,
          "regenerate it with the tool that wrote it, or remove it");
    }
    TomlParseResult toml = parsed.toml();
    return new TomlDocument(text, toml);
  }
}
