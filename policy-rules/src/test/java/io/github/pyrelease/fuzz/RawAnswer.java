package io.github.pyrelease.fuzz;

import io.github.pyrelease.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP answer written as it comes over the wire, for the fuzz targets of answer parsers: a
 * status line, header lines, a blank line, the body. Keeping the seeds in this form keeps them
 * readable, and lets the fuzzer change the headers a parser reads (Content-Type, Link, rate limits)
 * as well as the body. Input without a blank line is a body alone, answered 200.
 */
public final class RawAnswer {

  private static final Pattern STATUS = Pattern.compile("\\b([1-5][0-9][0-9])\\b");
  private static final String URL = "https://index.example/answer";

  private RawAnswer() {}

  public static HttpResponse parse(byte[] bytes) {
    int split = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
    if (split < 0) {
      return new HttpResponse(200, URL, Map.of(), bytes, 1, null);
    }
    String head = new String(bytes, 0, split, StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(bytes, split + 2, bytes.length);
    String[] lines = head.split("\r?\n", -1);
    Matcher status = STATUS.matcher(lines[0]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    String reason = lines[0].replaceFirst("^\\S*\\s*[0-9]*\\s*", "");
    return new HttpResponse(
        status.find() ? Integer.parseInt(status.group(1)) : 200,
        URL,
        headers,
        body,
        1,
        null,
        reason);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
