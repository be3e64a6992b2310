package io.github.pyrelease.publish;

import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.ChangelogSection;
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The text of a version's changelog section: what a GitHub Release shows as its notes. */
final class ReleaseNotes {

  /** Setext underlines and reST adornments right under a heading. */
  private static final Pattern ADORNMENT = Pattern.compile("^\\s*([=\\-~^*+#`'\":.])\\1{2,}\\s*$");

  /** {@code [1.4.0]: https://...}, the link definitions Keep a Changelog puts at the end. */
  private static final Pattern LINK_DEFINITION =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*\\S+.*$");

  /** {@code [1.4.0]}, {@code [1.4.0](url)} and {@code [1.4.0][ref]} in a heading. */
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)](?:\\([^)]*\\)|\\[[^\\]]*])?");

  private ReleaseNotes() {}

  /**
   * The title of {@code version}'s section: its heading without link brackets, such as {@code 1.4.0
   * - 2026-11-30}; empty when the changelog has no such section.
   */
  static Optional<String> title(Changelog changelog, String version) {
    return changelog.sections().stream()
        .filter(s -> Version.same(s.version(), version))
        .findFirst()
        .map(s -> LINK.matcher(s.heading()).replaceAll("$1").strip());
  }

  /**
   * The lines between the heading of {@code version}'s section and the next section, without
   * trailing link definitions and blank lines; "" when the changelog has no such section.
   *
   * @param lines the changelog's lines
   */
  static String of(Changelog changelog, List<String> lines, String version) {
    List<ChangelogSection> sections = changelog.sections();
    for (int i = 0; i < sections.size(); i++) {
      ChangelogSection section = sections.get(i);
      if (!Version.same(section.version(), version)) {
        continue;
      }
      int from = section.line(); // the line after the heading, 0-based
      while (from < lines.size() && ADORNMENT.matcher(lines.get(from)).matches()) {
        from++;
      }
      int to = i + 1 < sections.size() ? headingStart(sections.get(i + 1), lines) : lines.size();
      List<String> body = lines.subList(Math.min(from, to), to);
      int end = body.size();
      while (end > 0
          && (body.get(end - 1).isBlank()
              || LINK_DEFINITION.matcher(body.get(end - 1)).matches())) {
        end--;
      }
      int start = 0;
      while (start < end && body.get(start).isBlank()) {
        start++;
      }
      return String.join("\n", body.subList(start, end));
    }
    return "";
  }

  /** The first line of a section's heading, including a reST overline. */
  private static int headingStart(ChangelogSection section, List<String> lines) {
    int index = section.line() - 1;
    if (index > 0 && ADORNMENT.matcher(lines.get(index - 1)).matches()) {
      return index - 1;
    }
    return Math.max(index, 0);
  }
}
