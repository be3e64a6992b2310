package io.github.pyrelease.github;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of an RFC 8288 {@code Link} header, as GitHub paginates. */
final class LinkHeader {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^,<]*)");
  private static final Pattern REL =
      Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

  private LinkHeader() {}

  static Optional<String> next(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      Matcher rel = REL.matcher(link.group(2));
      if (rel.find()) {
        String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
        for (String value : rels.strip().split("\\s+")) {
          if (value.equalsIgnoreCase("next")) {
            return Optional.of(link.group(1));
          }
        }
      }
    }
    return Optional.empty();
  }
}
