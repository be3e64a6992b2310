package io.github.pyrelease.dist;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses core metadata (and WHEEL files) the way Python's {@code email.parser} does with the
 * compat32 policy, which the core metadata specification names as the practical standard: header
 * lines {@code Name: value}, continuation lines starting with a space or tab, and the body after
 * the first blank line. Like Python, a line that is neither ends the headers and starts the body;
 * unlike Python, this is recorded as a defect so rules can say so.
 */
public final class CoreMetadataParser {

  private CoreMetadataParser() {}

  /** Parses {@code bytes} read from {@code path} inside an archive. */
  public static CoreMetadata parse(String path, byte[] bytes) {
    List<String> defects = new ArrayList<>();
    String text = lineFeeds(decode(bytes, defects));
    int n = text.length();
    List<MetadataField> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = null;
    int fieldLine = 0;
    int lineNo = 0; // of the last header line read
    int start = 0; // of the next line: after the headers, of the body
    while (start < n) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? n : end;
      String line = text.substring(start, end);
      if (line.isEmpty()) {
        lineNo++;
        start = end + 1;
        break;
      }
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        lineNo++;
        if (name == null) {
          defects.add("line " + lineNo + " continues a header field but no field precedes it");
        } else {
          value.append('\n').append(line);
        }
        start = end + 1;
        continue;
      }
      int colon = headerNameEnd(line);
      if (colon < 0) {
        defects.add(
            "line "
                + (lineNo + 1)
                + " is not a 'Name: value' header field ('"
                + abbreviate(line)
                + "'), so Python reads it and everything after it as the description");
        break; // the body starts with this line
      }
      lineNo++;
      if (name != null) {
        fields.add(field(name, value, fieldLine));
      }
      name = line.substring(0, colon);
      value = new StringBuilder(stripLeading(line.substring(colon + 1)));
      fieldLine = lineNo;
      start = end + 1;
    }
    if (name != null) {
      fields.add(field(name, value, fieldLine));
    }
    String body = null;
    int bodyLine = 0;
    if (start < n) {
      bodyLine = lineNo + 1;
      // its lines joined by LF: the rest of the text, less the line feed ending the last one
      body = text.substring(start, text.endsWith("\n") ? n - 1 : n);
    }
    return new CoreMetadata(path, fields, body, bodyLine, defects);
  }

  private static MetadataField field(String name, StringBuilder value, int line) {
    String text = value.toString();
    if (name.equalsIgnoreCase("Description")) {
      text = unfoldDescription(text);
    }
    return new MetadataField(name, text, line);
  }

  /**
   * A description in a header has its continuation lines indented by eight spaces (distutils) or by
   * seven spaces and a bar (setuptools' rfc822_escape); both are removed, as pkginfo and twine do.
   */
  static String unfoldDescription(String value) {
    String[] lines = value.split("\n", -1);
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("        ")) {
        line = line.substring(8);
      } else if (line.startsWith("       |")) {
        line = line.substring(8);
      }
      out.append('\n').append(line);
    }
    return out.toString().strip();
  }

  /** The index of the colon ending a header name (printable ASCII but colon), or -1. */
  private static int headerNameEnd(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ':') {
        return i;
      }
      if (c < 0x21 || c > 0x7e) {
        return -1;
      }
    }
    return -1;
  }

  private static String stripLeading(String value) {
    int i = 0;
    while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
      i++;
    }
    return value.substring(i);
  }

  /**
   * The text with each CRLF and CR made an LF, so that its LF-separated lines are those Python's
   * feed parser splits at CRLF, CR or LF.
   */
  private static String lineFeeds(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String decode(byte[] bytes, List<String> defects) {
    // The JDK's decoder replaces each malformed sequence by U+FFFD, so text without one was valid
    // UTF-8; only text with one (malformed, or a U+FFFD of its own) is decoded again strictly.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      defects.add(
          "is not valid UTF-8 (first bad byte at offset "
              + firstBadByte(bytes)
              + "); core metadata must be UTF-8");
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = strict.decode(in, out, true);
    return result.isError() ? in.position() : -1;
  }

  static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
