package io.github.pyrelease.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body taken apart, as a server's form parser would. */
record MultipartForm(List<Part> parts) {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /**
   * One part.
   *
   * @param name the field name
   * @param filename the file name of a file part, or {@code null}
   * @param contentType the part's Content-Type, or {@code null}
   * @param data its bytes
   */
  record Part(String name, String filename, String contentType, byte[] data) {
    String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  static MultipartForm parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !m.find()) {
      throw new IllegalArgumentException("not multipart/form-data: " + contentType);
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("no boundary in the body");
    }
    List<Part> parts = new ArrayList<>();
    int pos = at + delimiter.length;
    while (!(body[pos] == '-' && body[pos + 1] == '-')) {
      pos += 2; // CRLF after the boundary
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
      int dataStart = headersEnd + 4;
      int dataEnd = indexOf(body, next, dataStart);
      if (dataEnd < 0) {
        throw new IllegalArgumentException("a part is not closed");
      }
      String disposition = null;
      String type = null;
      for (String header : headers.split("\r\n")) {
        int colon = header.indexOf(':');
        String headerName = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).strip();
        if (headerName.equals("content-disposition")) {
          disposition = value;
        } else if (headerName.equals("content-type")) {
          type = value;
        }
      }
      if (disposition == null) {
        throw new IllegalArgumentException("a part has no Content-Disposition: " + headers);
      }
      Matcher name = NAME.matcher(disposition);
      Matcher filename = FILENAME.matcher(disposition);
      parts.add(
          new Part(
              name.find() ? name.group(1) : null,
              filename.find() ? filename.group(1) : null,
              type,
              Arrays.copyOfRange(body, dataStart, dataEnd)));
      pos = dataEnd + next.length;
    }
    return new MultipartForm(List.copyOf(parts));
  }

  /** The (name, value) pairs of the fields that are not files. */
  List<List<String>> fields() {
    return parts.stream()
        .filter(p -> p.filename() == null)
        .map(p -> List.of(p.name(), p.text()))
        .toList();
  }

  /** The values of field {@code name}. */
  List<String> values(String name) {
    return parts.stream().filter(p -> name.equals(p.name())).map(Part::text).toList();
  }

  Part file(String name) {
    return parts.stream()
        .filter(p -> name.equals(p.name()) && p.filename() != null)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no file part '" + name + "'"));
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
