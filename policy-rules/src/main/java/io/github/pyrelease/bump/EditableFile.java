package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One project file the bump may change, decoded exactly: strict UTF-8 (the only encoding Python
 * build backends and pyrelease's project reader accept), the byte order mark remembered apart, line
 * ends left as they are. Encoding the edited text gives back the original bytes wherever nothing
 * was edited, so CRLF stays CRLF and a missing final newline stays missing.
 */
final class EditableFile {

  /** Lock files can be larger than the sources the project reader reads. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String relative;
  private final Path path;
  private final byte[] original;
  private final boolean created;
  private final boolean byteOrderMark;
  private final String originalText;
  private final PatchedText text;

  private EditableFile(
      String relative, Path path, byte[] original, boolean created, String decoded) {
    this.relative = relative;
    this.path = path;
    this.original = original;
    this.created = created;
    this.byteOrderMark = !decoded.isEmpty() && decoded.charAt(0) == BYTE_ORDER_MARK;
    this.originalText = byteOrderMark ? decoded.substring(1) : decoded;
    this.text = new PatchedText(originalText);
  }

  /**
   * @param root the project directory
   * @param relative the file, relative to the root, with forward slashes
   */
  static EditableFile read(Path root, String relative) {
    Path path = root.resolve(relative).normalize();
    byte[] bytes;
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new PyreleaseException(
            relative + " is larger than " + (MAX_BYTES >> 20) + " MiB",
            relative,
            "check that this is the right file; version files are far smaller");
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw new PyreleaseException(
          relative + " does not exist", relative, "create it or correct the configuration", e);
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + relative + ": " + e.getMessage(),
          relative,
          "check that the file is readable",
          e);
    }
    return new EditableFile(relative, path, bytes, false, decode(relative, bytes));
  }

  /**
   * A file the bump creates, holding {@code text}.
   *
   * @throws PyreleaseException when the file exists already
   */
  static EditableFile created(Path root, String relative, String text) {
    Path path = root.resolve(relative).normalize();
    if (Files.exists(path)) {
      throw new PyreleaseException(
          relative + " exists already, so the bump does not create it",
          relative,
          "check why the project reader did not find it, or remove it");
    }
    EditableFile file = new EditableFile(relative, path, new byte[0], true, "");
    file.text.replace(0, 0, text);
    return file;
  }

  /** A file whose content is given (tests, and files planned from already read bytes). */
  static EditableFile of(String relative, Path path, byte[] bytes) {
    return new EditableFile(relative, path, bytes, false, decode(relative, bytes));
  }

  private static String decode(String relative, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PyreleaseException(
          relative + " is not valid UTF-8",
          relative,
          "save it as UTF-8; pyrelease rewrites only UTF-8 files, byte for byte");
    }
  }

  String relative() {
    return relative;
  }

  Path path() {
    return path;
  }

  /** The bytes the file holds now, or {@code null} when the bump creates it. */
  byte[] original() {
    return created ? null : original.clone();
  }

  String originalText() {
    return originalText;
  }

  PatchedText text() {
    return text;
  }

  boolean isChanged() {
    return created || text.isEdited() && !text.current().equals(originalText);
  }

  /** The new content: the byte order mark, if any, then the edited text as UTF-8. */
  byte[] newBytes() {
    String body = text.current();
    return (byteOrderMark ? BYTE_ORDER_MARK + body : body).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The line end the file uses first ({@code \r\n}, {@code \r} or {@code \n}); {@code \n} if none.
   */
  String lineEnd() {
    for (int i = 0; i < originalText.length(); i++) {
      char c = originalText.charAt(i);
      if (c == '\r') {
        return i + 1 < originalText.length() && originalText.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
      if (c == '\n') {
        return "\n";
      }
    }
    return "\n";
  }

  /**
   * The offset in the original text (without byte order mark) of a 1-based line and code-point
   * column, counting lines the way the project reader does: {@code \r\n}, {@code \r} and {@code \n}
   * each end one line.
   *
   * @return the offset, or -1 when the file has no such line or column
   */
  int offsetOf(int line, int column) {
    String t = originalText;
    int offset = 0;
    for (int current = 1; current < line; current++) {
      int next = lineBreakEnd(t, offset);
      if (next < 0) {
        return -1;
      }
      offset = next;
    }
    for (int i = 1; i < column; i++) {
      if (offset >= t.length() || t.charAt(offset) == '\n' || t.charAt(offset) == '\r') {
        return -1;
      }
      offset = t.offsetByCodePoints(offset, 1);
    }
    return offset;
  }

  /** {@code file:line} of an offset in the original text. */
  String where(int offset) {
    int line = 1;
    int at = 0;
    while (true) {
      int next = lineBreakEnd(originalText, at);
      if (next < 0 || next > offset) {
        return relative + ":" + line;
      }
      at = next;
      line++;
    }
  }

  /** The offset just after the line break that ends the line starting at {@code from}, or -1. */
  private static int lineBreakEnd(String t, int from) {
    for (int i = from; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < t.length() && t.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }
}
