package io.github.pyrelease.project;

import java.util.Arrays;

/**
 * The decoded text of one project file with its line index. Line ends are normalised to {@code \n}
 * (Python reads text files with universal newlines, so backends see the same lines) and a leading
 * byte order mark is removed; lines and columns are 1-based, columns count code points.
 */
final class SourceText {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String file;
  private final String text;
  private final boolean byteOrderMark;
  private final int[] lineStarts;

  private SourceText(String file, String text, boolean byteOrderMark) {
    this.file = file;
    this.text = text;
    this.byteOrderMark = byteOrderMark;
    this.lineStarts = lineStarts(text);
  }

  /**
   * @param file path relative to the project root, with forward slashes
   * @param raw the decoded content as stored
   */
  static SourceText of(String file, String raw) {
    boolean bom = !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK;
    String body = bom ? raw.substring(1) : raw;
    return new SourceText(file, body.replace("\r\n", "\n").replace('\r', '\n'), bom);
  }

  String file() {
    return file;
  }

  String text() {
    return text;
  }

  /** Configuration parsers reject a byte order mark that Python's source reader accepts. */
  void refuseByteOrderMark(String parser) {
    if (byteOrderMark) {
      throw new ProjectReadException(
          file + " starts with a UTF-8 byte order mark, which " + parser + " rejects",
          where(1),
          "save " + file + " as UTF-8 without a byte order mark");
    }
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** The 1-based line holding the character at {@code offset}. */
  int lineOf(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The 1-based column, in code points, of the character at {@code offset}. */
  int columnOf(int offset) {
    int start = lineStarts[lineOf(offset) - 1];
    return text.codePointCount(start, offset) + 1;
  }

  /** The offset of a 1-based line and code-point column, clamped to the line. */
  int offsetOf(int line, int column) {
    int start = lineStarts[Math.max(1, Math.min(line, lineStarts.length)) - 1];
    int end = lineEnd(start);
    int offset = start;
    for (int i = 1; i < column && offset < end; i++) {
      offset = text.offsetByCodePoints(offset, 1);
    }
    return offset;
  }

  /** The text of a 1-based line, without its line end. */
  String line(int line) {
    int start = lineStarts[line - 1];
    return text.substring(start, lineEnd(start));
  }

  /** {@code file:line}. */
  String where(int line) {
    return file + ":" + line;
  }

  /** {@code file:line:column} of an offset. */
  String whereOffset(int offset) {
    return file + ":" + lineOf(offset) + ":" + columnOf(offset);
  }

  /** The text starting at {@code offset}, located. */
  Located locate(String value, int offset) {
    return new Located(value, file, lineOf(offset), columnOf(offset));
  }

  private int lineEnd(int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }

  private static int[] lineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
