package io.github.pyrelease.bump;

import io.github.pyrelease.project.ChangelogSection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Markdown changelog's Unreleased section into the release (Keep a Changelog style): the
 * {@code ## [Unreleased]} heading becomes {@code ## [X.Y.Z] - <date>} with a fresh empty {@code ##
 * [Unreleased]} above it, in the same heading level and bracket style. When the reference links at
 * the bottom have {@code [Unreleased]: <base>/compare/<previous tag>...HEAD}, it becomes {@code
 * <base>/compare/<new tag>...HEAD} and {@code [X.Y.Z]: <base>/compare/<previous tag>...<new tag>}
 * is added below it. Headings inside fenced code blocks are not headings.
 */
final class ChangelogRelease {

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern UNRELEASED_HEADING =
      Pattern.compile(
          "^(?<lead> {0,3}#{1,6}[ \\t]+)(?<open>\\[?)(?<word>unreleased)(?<close>]?)(?<rest>.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}#{1,6}[ \\t]+\\[?v?(?<text>[^\\]\\s]*)");
  private static final Pattern UNRELEASED_LINK =
      Pattern.compile(
          "^(?<lead> {0,3}\\[unreleased]:[ \\t]*)(?<base>\\S+/compare/)(?<previous>\\S+?)\\.\\.\\.HEAD(?<rest>[ \\t]*)$",
          Pattern.CASE_INSENSITIVE);

  /** A line that is only the marker, perhaps emphasised or in parentheses. */
  private static final Pattern MARKER_ALONE =
      Pattern.compile(
          "^[\\s*_(]*" + ChangelogSection.NOT_YET.pattern() + "[\\s*_).]*$",
          Pattern.CASE_INSENSITIVE);

  private ChangelogRelease() {}

  /** The file name of a changelog the bump starts. */
  static final String STARTED_FILE = "CHANGELOG.md";

  /**
   * A new Keep a Changelog file for a project that kept none: an empty Unreleased section and, for
   * a release (not a development version), the release's own dated section, which says honestly
   * that earlier changes are not listed.
   */
  static String started(String version, boolean release, LocalDate date) {
    StringBuilder text =
        new StringBuilder()
            .append("# Changelog\n\n")
            .append("All notable changes to this project are documented in this file, in the\n")
            .append("format of [Keep a Changelog](https://keepachangelog.com/en/1.1.0/).\n\n")
            .append("## [Unreleased]\n");
    if (release) {
      text.append("\n## [")
          .append(version)
          .append("] - ")
          .append(date)
          .append("\n\n")
          .append("The changelog starts with this release; earlier changes are not listed.\n");
    }
    return text.toString();
  }

  /**
   * @param version the new version as the heading shows it
   * @param tag the new version's tag, for the compare links
   * @return notes for the user; the file is edited in place
   */
  static List<String> release(EditableFile file, String version, String tag, LocalDate date) {
    List<String> notes = new ArrayList<>();
    String text = file.text().current();
    String end = file.lineEnd();
    List<int[]> lines = lineSpans(text);
    int unreleased = -1;
    boolean inFence = false;
    String fence = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = text.substring(lines.get(i)[0], lines.get(i)[1]);
      if (inFence) {
        inFence = !line.strip().startsWith(fence);
        continue;
      }
      Matcher opening = FENCE.matcher(line);
      if (opening.find()) {
        inFence = true;
        fence = opening.group(1);
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.find() && heading.group("text").equals(version)) {
        notes.add(
            file.relative()
                + " already has a section for "
                + version
                + " (line "
                + (i + 1)
                + "); left as it is");
        return notes;
      }
      if (unreleased < 0 && UNRELEASED_HEADING.matcher(line).matches()) {
        unreleased = i;
      }
    }
    if (unreleased < 0) {
      notes.add(
          file.relative()
              + " has no '## [Unreleased]' section; left as it is (add one to have the bump"
              + " date it)");
      return notes;
    }
    int[] links = findUnreleasedLink(text, lines);
    if (links != null) {
      Matcher link = UNRELEASED_LINK.matcher(text.substring(links[0], links[1]));
      link.matches();
      String base = link.group("base");
      String label = "[" + version + "]: ";
      String replacement =
          link.group("lead")
              + base
              + tag
              + "...HEAD"
              + link.group("rest")
              + end
              + label
              + base
              + link.group("previous")
              + "..."
              + tag;
      file.text().replace(links[0], links[1], replacement);
    } else if (text.toLowerCase(Locale.ROOT).contains("[unreleased]:")) {
      notes.add(
          file.relative()
              + ": the [Unreleased] link is not a '<base>/compare/<tag>...HEAD' link; links left"
              + " as they are");
    }
    int[] span = lines.get(unreleased);
    Matcher heading = UNRELEASED_HEADING.matcher(text.substring(span[0], span[1]));
    heading.matches();
    String lead = heading.group("lead");
    boolean brackets = !heading.group("open").isEmpty() && !heading.group("close").isEmpty();
    String fresh = lead + heading.group("open") + heading.group("word") + heading.group("close");
    String released = lead + (brackets ? "[" + version + "]" : version) + " - " + date;
    file.text().replace(span[0], span[1], fresh + end + end + released);
    return notes;
  }

  /**
   * Releases a section that names the version and is marked unreleased: the marker word becomes the
   * date ({@code 8.5.0 (unreleased)} gives {@code 8.5.0 (2026-02-01)}, {@code Released: TBD} gives
   * {@code Released: 2026-02-01}), and a line that is only the marker ({@code Unreleased}, the
   * Pallets layout) becomes {@code Released <date>}.
   */
  static List<String> releaseMarked(EditableFile file, ChangelogSection section, LocalDate date) {
    String text = file.text().current();
    List<int[]> lines = lineSpans(text);
    int index = section.unreleasedLine() - 1;
    if (index < 0 || index >= lines.size()) {
      return List.of(file.relative() + ": the unreleased marker moved; left as it is");
    }
    int[] span = lines.get(index);
    String line = text.substring(span[0], span[1]);
    int from = index == section.line() - 1 ? Math.max(0, line.indexOf(section.version())) : 0;
    Matcher word = ChangelogSection.NOT_YET.matcher(line);
    if (!word.find(from)) {
      return List.of(file.relative() + ": the unreleased marker moved; left as it is");
    }
    boolean alone = MARKER_ALONE.matcher(line).matches();
    String replacement = alone ? "Released " + date : date.toString();
    file.text().replace(span[0] + word.start(), span[0] + word.end(), replacement);
    return List.of(
        file.relative()
            + ":"
            + section.unreleasedLine()
            + ": the section of "
            + section.version()
            + " is released on "
            + date);
  }

  private static int[] findUnreleasedLink(String text, List<int[]> lines) {
    for (int[] span : lines) {
      if (UNRELEASED_LINK.matcher(text.substring(span[0], span[1])).matches()) {
        return span;
      }
    }
    return null;
  }

  /** [start, end) of each line without its line end. */
  private static List<int[]> lineSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        spans.add(new int[] {start, i});
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      spans.add(new int[] {start, text.length()});
    }
    return spans;
  }
}
