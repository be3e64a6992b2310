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
 * the first blank line. Like Python, a line that is neither ends the headers and starts the body,
 * lines starting with {@code From } are mbox envelope lines, and a line with nothing before its
 * colon is dropped; unlike Python, each of these is recorded as a defect so rules can say so.
 */
public final class CoreMetadataParser {

  private CoreMetadataParser() {}

  /** Parses {@code bytes} read from {@code path} inside an archive. */
  public static CoreMetadata parse(String path, byte[] bytes) {
    List<String> defects = new ArrayList<>();
    String text = lineFeeds(decode(bytes, defects));
    int n = text.length();
    // The header lines, as Python's feed parser collects them: up to a blank line (dropped) or a
    // line that is not a header line (left to the body).
    List<String> headers = new ArrayList<>();
    int bodyStart = n;
    int bodyLine = 0;
    for (int start = 0; start < n; ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? n : end;
      String line = text.substring(start, end);
      if (line.isEmpty()) {
        bodyStart = end + 1;
        bodyLine = headers.size() + 2;
        break;
      }
      if (!isHeaderLine(line)) {
        defects.add(
            "line "
                + (headers.size() + 1)
                + " is not a 'Name: value' header field ('"
                + abbreviate(line)
                + "'), so Python reads it and everything after it as the description");
        bodyStart = start;
        bodyLine = headers.size() + 1;
        break;
      }
      headers.add(line);
      start = end + 1;
    }
    List<MetadataField> fields = new ArrayList<>();
    String pushedBack = fields(headers, fields, defects);
    String body = bodyStart < n ? text.substring(bodyStart, text.endsWith("\n") ? n - 1 : n) : null;
    if (pushedBack != null) {
      // Python takes an envelope line ending the headers as the body's first line; the blank line
      // after it is gone, so the body's later line numbers are one short there.
      body = body == null ? pushedBack : pushedBack + "\n" + body;
      bodyLine = headers.size();
    }
    return new CoreMetadata(path, fields, body, body == null ? 0 : bodyLine, defects);
  }

  /**
   * A line Python's feed parser takes for a header line: a field ({@code Name:}), a continuation
   * (leading space or tab), or an mbox envelope line ({@code From }).
   */
  private static boolean isHeaderLine(String line) {
    char first = line.charAt(0);
    return first == ' ' || first == '\t' || line.startsWith("From ") || headerNameEnd(line) >= 0;
  }

  /**
   * Reads the fields from the header lines as Python's {@code _parse_headers} does, adding them to
   * {@code fields}: an envelope line ({@code From }) is skipped (first line) or dropped as
   * misplaced, a line with nothing before its colon is dropped, and so is a continuation with no
   * field before it.
   *
   * @return an envelope line that is the last header line, which Python gives to the body, or
   *     {@code null}
   */
  private static String fields(
      List<String> headers, List<MetadataField> fields, List<String> defects) {
    String name = null;
    StringBuilder value = null;
    int fieldLine = 0;
    for (int i = 0; i < headers.size(); i++) {
      String line = headers.get(i);
      int lineNo = i + 1;
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        if (name == null) {
          defects.add("line " + lineNo + " continues a header field but no field precedes it");
        } else {
          value.append('\n').append(line);
        }
        continue;
      }
      if (name != null) {
        fields.add(field(name, value, fieldLine));
        name = null;
      }
      if (line.startsWith("From ")) {
        if (i > 0 && i == headers.size() - 1) {
          return line;
        }
        defects.add(
            "line "
                + lineNo
                + " starts with 'From ', which Python's email parser takes for an mbox envelope"
                + " line and drops");
        continue;
      }
      int colon = headerNameEnd(line);
      if (colon == 0) {
        defects.add("line " + lineNo + " has no field name before its colon; Python drops it");
        continue;
      }
      name = line.substring(0, colon);
      value = new StringBuilder(stripLeading(line.substring(colon + 1)));
      fieldLine = lineNo;
    }
    if (name != null) {
      fields.add(field(name, value, fieldLine));
    }
    return null;
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
   * seven spaces and a bar (setuptools' rfc822_escape); both are removed. pkginfo, which twine
   * reads metadata with, removes only the eight spaces (and strips the value first), so for the bar
   * form this reads what the writer meant rather than what twine shows.
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
