package io.github.pyrelease.dist.readme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks reStructuredText the way PyPI renders it (readme_renderer: docutils with {@code
 * halt_level=2}, so any docutils warning or error makes the description unrenderable), without
 * Python. It models the markup long descriptions use — sections, paragraphs, lists, literal blocks,
 * the common directives, hyperlinks, substitutions, inline markup, grid tables without spans, and
 * the borders of simple tables — and reports the first problem docutils would raise, in twine's
 * words. Markup it does not model (spanning or simple table cells, footnotes, field lists, ...)
 * makes it say "undecided" rather than guess: then docutils itself decides.
 */
public final class RstChecker {

  /** Deeper than any README nests, and far from the stack's end. */
  private static final int MAX_DEPTH = 50;

  private static final String ADORNMENT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final Set<String> ROLES =
      Set.of(
          "emphasis",
          "literal",
          "code",
          "math",
          "pep-reference",
          "pep",
          "rfc-reference",
          "rfc",
          "strong",
          "subscript",
          "sub",
          "superscript",
          "sup",
          "title-reference",
          "title",
          "t",
          "abbreviation",
          "ab",
          "acronym",
          "ac");
  private static final Set<String> ADMONITIONS =
      Set.of(
          "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning");

  /** docutils 0.19's directives in English: anything else is "Unknown directive type". */
  private static final Set<String> DIRECTIVES =
      Set.of(
          "attention",
          "caution",
          "code",
          "code-block",
          "sourcecode",
          "danger",
          "error",
          "hint",
          "important",
          "note",
          "tip",
          "warning",
          "admonition",
          "sidebar",
          "topic",
          "line-block",
          "parsed-literal",
          "math",
          "rubric",
          "epigraph",
          "highlights",
          "pull-quote",
          "compound",
          "container",
          "table",
          "csv-table",
          "list-table",
          "image",
          "figure",
          "contents",
          "sectnum",
          "section-numbering",
          "header",
          "footer",
          "target-notes",
          "meta",
          "raw",
          "include",
          "replace",
          "unicode",
          "class",
          "role",
          "default-role",
          "title",
          "date",
          "restructuredtext-test-directive");

  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "code", Set.of("class", "name", "number-lines"),
          "image",
              Set.of(
                  "alt", "height", "width", "scale", "align", "target", "class", "name", "loading"),
          "admonition", Set.of("class", "name"),
          "contents", Set.of("depth", "local", "backlinks", "class"),
          "container", Set.of("name"),
          "math", Set.of("class", "name"),
          "topic", Set.of("class", "name"));

  private static final Pattern DIRECTIVE =
      Pattern.compile("\\.\\. +([A-Za-z0-9]+(?:[-_.+:][A-Za-z0-9]+)*) *::(?: +(.*))?");
  private static final Pattern SUBSTITUTION_DEF =
      Pattern.compile("\\.\\. +\\|([^|\\s](?:[^|]*[^|\\s])?)\\| +([A-Za-z0-9-_.]+) *::(?: +(.*))?");
  private static final Pattern TARGET =
      Pattern.compile("\\.\\. +_(`[^`]+`|[^:\\\\]*(?:\\\\.[^:\\\\]*)*):(?: +(.*))?");
  private static final Pattern BULLET = Pattern.compile("([-*+\u2022\u2023\u2043])( +|$)");
  private static final Pattern ENUMERATOR =
      Pattern.compile("(?:(\\d+|#)([.)])|\\((\\d+|#)\\))( +|$)");
  private static final Pattern OTHER_ENUMERATOR =
      Pattern.compile("(?:[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]( |$)|\\([A-Za-z]+\\)( |$)");
  private static final Pattern FIELD = Pattern.compile(":(?![: ])([^:]|\\\\:)*(?<! ):( |$)");
  private static final Pattern OPTION = Pattern.compile("(?:--?[A-Za-z0-9]|/[A-Za-z])\\S*( |,|$)");
  private static final Pattern TABLE = Pattern.compile("\\+[-=+]+\\+ *|=+( +=+)+ *");
  // docutils' own patterns: what starts a grid table, a simple table, and a simple table's border
  private static final Pattern GRID_TOP = Pattern.compile("\\+-[-+]+-\\+ *");
  private static final Pattern GRID_SEPARATOR = Pattern.compile("\\+[-=+]*\\+");
  private static final Pattern SIMPLE_TOP = Pattern.compile("=+( +=+)+ *");
  private static final Pattern SIMPLE_BORDER = Pattern.compile("=+[ =]*");
  private static final Pattern ROLE_PREFIX =
      Pattern.compile(":([A-Za-z0-9]+(?:[-_.+:][A-Za-z0-9]+)*):`");
  private static final Pattern ROLE_SUFFIX =
      Pattern.compile(":([A-Za-z0-9]+(?:[-_.+:][A-Za-z0-9]+)*):");
  private static final Pattern TITLE_MARKUP = Pattern.compile(".*[*`|_\\\\\\[].*");
  private static final Pattern FOOTNOTE = Pattern.compile("\\.\\. +\\[[^\\]]+\\].*");
  private static final Pattern SUBSTITUTION_START = Pattern.compile("\\.\\. +\\|.*");
  private static final Pattern EMBEDDED_AFTER_SPACE = Pattern.compile("(?s).*\\s<[^<>]+>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern DIRECTIVE_OPTION = Pattern.compile(":([^:]+):(?: +(.*))?");
  private static final Pattern EMBEDDED = Pattern.compile("(?s)(.*?)\\s*<(\\S(?:[^<>]*\\S)?)>");
  private static final Pattern LENGTH =
      Pattern.compile("\\d+(?:\\.\\d+)?(?:px|em|ex|in|cm|mm|pt|pc|%)?");

  private final List<Integer> numbers = new ArrayList<>();
  private final List<String> styles = new ArrayList<>();
  private final Map<String, String> explicitTargets = new HashMap<>();
  private final Set<String> implicitTargets = new HashSet<>();
  private final List<Reference> references = new ArrayList<>();
  private final Set<String> substitutions = new HashSet<>();
  private final List<Reference> substitutionRefs = new ArrayList<>();
  private int anonymousRefs;
  private int anonymousTargets;
  private int content;
  private int titles;
  private int sectionLevel;
  private int depth;
  private boolean markupInTitles;

  /** Where, in the text {@link #inline} is checking, a backslash escape stood (length + 1). */
  private boolean[] escapes = new boolean[1];

  /**
   * Where an escaped space or line end stood, gone from the text but still whitespace to docutils.
   */
  private boolean[] escapedSpaces = new boolean[1];

  private RstChecker() {}

  /** Checks {@code text} as readme_renderer would render it. */
  public static RstVerdict check(String text) {
    RstChecker checker = new RstChecker();
    try {
      List<String> lines = checker.lines(text);
      checker.body(lines, 0, false);
      checker.transforms();
    } catch (Invalid e) {
      return RstVerdict.invalid(List.of(e.getMessage()));
    } catch (Undecided e) {
      return RstVerdict.undecided(e.getMessage());
    } catch (RuntimeException e) {
      return RstVerdict.undecided("pyrelease's check stopped: " + e);
    }
    return RstVerdict.valid();
  }

  private record Reference(String name, int line) {}

  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(int line, String level, String message) {
      super("line " + line + ": " + level + ": " + message, null, false, false);
    }
  }

  private static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecided(String why) {
      super(why, null, false, false);
    }
  }

  private List<String> lines(String text) {
    String normal = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', ' ');
    normal = normal.replace('\u000B', ' ');
    List<String> lines = new ArrayList<>();
    int number = 1;
    for (String line : normal.split("\n", -1)) {
      lines.add(strip(expandTabs(line)));
      numbers.add(number++);
    }
    return lines;
  }

  // ---------------------------------------------------------------- blocks

  /**
   * Parses body elements. {@code lines} are already dedented to this context; {@code first} is the
   * index into the document's line numbers of {@code lines.get(0)}.
   */
  private void body(List<String> lines, int first, boolean nested) {
    if (++depth > MAX_DEPTH) {
      throw new Undecided("markup nested more than " + MAX_DEPTH + " levels deep");
    }
    try {
      blocks(lines, first, nested);
    } finally {
      depth--;
    }
  }

  private void blocks(List<String> lines, int first, boolean nested) {
    int i = 0;
    int n = lines.size();
    while (i < n) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        i++;
        continue;
      }
      int lineNo = numbers.get(first + i);
      if (indent(line) > 0) {
        i = blockQuote(lines, first, i);
      } else if (line.startsWith("+-") && GRID_TOP.matcher(line).matches()) {
        i = gridTable(lines, first, i);
      } else if (line.startsWith("=") && SIMPLE_TOP.matcher(line).matches()) {
        i = simpleTable(lines, first, i);
      } else if (line.startsWith("..") && (line.length() == 2 || line.charAt(2) == ' ')) {
        i = explicit(lines, first, i, nested);
      } else if (line.startsWith("__ ") || line.equals("__")) {
        anonymousTargets++;
        i = endOfIndented(lines, i + 1);
        endsWithBlank(lines, i, first, "Explicit markup");
      } else if (isAdornment(line)) {
        i = overline(lines, first, i, nested);
      } else if (i + 1 < n && isAdornment(lines.get(i + 1)) && !isTable(lines.get(i + 1))) {
        i = underlined(lines, first, i, nested);
      } else if (isBullet(line)) {
        i = bulletList(lines, first, i);
      } else if (isEnumerator(line) && enumerated(lines, i)) {
        i = enumeratedList(lines, first, i);
      } else if (mayBeOtherEnumerator(line) && OTHER_ENUMERATOR.matcher(line).lookingAt()) {
        throw new Undecided("line " + lineNo + ": alphabetic or roman enumerated list");
      } else if (line.startsWith(":") && FIELD.matcher(line).lookingAt()) {
        throw new Undecided("line " + lineNo + ": field list");
      } else if ((line.startsWith("-") || line.startsWith("/"))
          && OPTION.matcher(line).lookingAt()) {
        throw new Undecided("line " + lineNo + ": option list");
      } else if (line.startsWith("| ") || line.equals("|")) {
        throw new Undecided("line " + lineNo + ": line block");
      } else if (isTable(line)) {
        throw new Undecided("line " + lineNo + ": table");
      } else if (line.startsWith(">>>")) {
        content++;
        while (i < n && !lines.get(i).isEmpty()) {
          i++;
        }
      } else {
        i = paragraph(lines, first, i);
      }
    }
  }

  private int blockQuote(List<String> lines, int first, int i) {
    int end = endOfIndented(lines, i);
    content++;
    body(dedent(lines.subList(i, end)), first + i, true);
    endsWithBlank(lines, end, first, "Block quote");
    return end;
  }

  /** Index of the first non-blank line at indent 0 from {@code i}, or the end. */
  private static int endOfIndented(List<String> lines, int i) {
    while (i < lines.size() && (lines.get(i).isEmpty() || indent(lines.get(i)) > 0)) {
      i++;
    }
    return i;
  }

  /** Index just past the last non-blank line before {@code end}. */
  private static int trimBlank(List<String> lines, int start, int end) {
    while (end > start && lines.get(end - 1).isEmpty()) {
      end--;
    }
    return end;
  }

  /** A construct ending at {@code end} must be followed by a blank line (or the end). */
  private void endsWithBlank(List<String> lines, int end, int first, String construct) {
    if (construct.equals("Explicit markup")
        && end < lines.size()
        && startsExplicit(lines.get(end))) {
      return; // explicit markup blocks may follow one another directly
    }
    if (end < lines.size() && end > 0 && !lines.get(end - 1).isEmpty()) {
      throw new Invalid(
          numbers.get(first + end),
          "Warning",
          construct + " ends without a blank line; unexpected unindent.");
    }
  }

  private int paragraph(List<String> lines, int first, int i) {
    return paragraph(lines, first, i, false);
  }

  /**
   * @param shortUnderline the second line is a title underline too short to be one, which docutils
   *     then reads as the paragraph's text
   */
  private int paragraph(List<String> lines, int first, int i, boolean shortUnderline) {
    int start = i;
    int n = lines.size();
    while (i < n && !lines.get(i).isEmpty() && indent(lines.get(i)) == 0) {
      if (i > start && isAdornment(lines.get(i)) && !(shortUnderline && i == start + 1)) {
        throw new Undecided("line " + numbers.get(first + i) + ": punctuation line in a paragraph");
      }
      i++;
    }
    if (i < n && !lines.get(i).isEmpty()) {
      // an indented line right after text
      if (i - start == 1) {
        return definitionList(lines, first, start);
      }
      throw new Invalid(numbers.get(first + i), "Error", "Unexpected indentation.");
    }
    content++;
    String text = String.join("\n", lines.subList(start, i));
    boolean literal = text.endsWith("::");
    inline(literal ? literalMarker(text) : text, numbers.get(first + start));
    if (!literal) {
      return i;
    }
    int next = i;
    while (next < n && lines.get(next).isEmpty()) {
      next++;
    }
    if (next >= n || indent(lines.get(next)) == 0) {
      if (next < n && ADORNMENT.indexOf(lines.get(next).charAt(0)) >= 0) {
        throw new Undecided("line " + numbers.get(first + next) + ": quoted literal block");
      }
      throw new Invalid(
          numbers.get(first + Math.min(next, n - 1)),
          "Warning",
          "Literal block expected; none found.");
    }
    int end = endOfIndented(lines, next);
    content++;
    endsWithBlank(lines, end, first, "Literal block");
    return end;
  }

  private static String literalMarker(String text) {
    if (text.equals("::")) {
      return "";
    }
    if (text.endsWith(" ::")) {
      return text.substring(0, text.length() - 3);
    }
    return text.substring(0, text.length() - 1);
  }

  private int definitionList(List<String> lines, int first, int i) {
    int n = lines.size();
    content++;
    while (true) {
      inline(lines.get(i), numbers.get(first + i));
      int end = endOfIndented(lines, i + 1);
      int last = trimBlank(lines, i + 1, end);
      body(dedent(lines.subList(i + 1, last)), first + i + 1, true);
      int next = end;
      if (next < n
          && next + 1 < n
          && !lines.get(next + 1).isEmpty()
          && indent(lines.get(next + 1)) > 0
          && !isSpecialStart(lines.get(next))) {
        i = next; // the next item's term may follow a definition directly, as docutils allows
        continue;
      }
      endsWithBlank(lines, end, first, "Definition list");
      return end;
    }
  }

  private static boolean startsExplicit(String line) {
    return line.startsWith("..") && (line.length() == 2 || line.charAt(2) == ' ')
        || line.startsWith("__ ")
        || line.equals("__");
  }

  private static boolean isSpecialStart(String line) {
    return line.startsWith("..") || isBullet(line) || isEnumerator(line) || isAdornment(line);
  }

  // The block patterns are tried on every line that starts a block; most lines are paragraphs, so
  // each pattern is first ruled out by the characters it must start with (a matcher per line and
  // pattern cost more than the rest of the check).

  private static boolean isBullet(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char c = line.charAt(0);
    return (c == '-' || c == '*' || c == '+' || c == '\u2022' || c == '\u2023' || c == '\u2043')
        && BULLET.matcher(line).lookingAt();
  }

  private static boolean isEnumerator(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char c = line.charAt(0);
    return (c >= '0' && c <= '9' || c == '#' || c == '(') && ENUMERATOR.matcher(line).lookingAt();
  }

  /**
   * Whether {@link #OTHER_ENUMERATOR} can match: a parenthesis, or an ASCII letter or a run of
   * roman numeral letters followed by {@code .} or {@code )}.
   */
  private static boolean mayBeOtherEnumerator(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char c = line.charAt(0);
    if (c == '(') {
      return true;
    }
    if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
      return false;
    }
    int j = 1;
    while (j < line.length() && "ivxlcdmIVXLCDM".indexOf(line.charAt(j - 1)) >= 0) {
      if (line.charAt(j) == '.' || line.charAt(j) == ')') {
        return true;
      }
      j++;
    }
    return line.length() > 1 && (line.charAt(1) == '.' || line.charAt(1) == ')');
  }

  private static boolean isTable(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char c = line.charAt(0);
    return (c == '+' || c == '=') && TABLE.matcher(line).matches();
  }

  /**
   * A grid table, isolated as docutils' {@code isolate_grid_table} does: a table whose lines do not
   * all end at the top border's width, or that has no bottom border, is malformed, and one cut
   * short by a line not starting with '+' or '|' wants a blank line after it. A regular grid (every
   * border the top's, no spans) has its cells parsed as body elements; any other shape is left to
   * docutils.
   */
  private int gridTable(List<String> lines, int first, int i) {
    int lineNo = numbers.get(first + i);
    int n = lines.size();
    int end = i;
    while (end < n && !lines.get(end).isEmpty()) {
      String l = lines.get(end);
      if (indent(l) > 0) {
        throw new Undecided("line " + numbers.get(first + end) + ": indented line in a table");
      }
      for (int c = 0; c < l.length(); c++) {
        if (l.charAt(c) > 0x7E || l.charAt(c) == '\t') {
          throw new Undecided("line " + numbers.get(first + end) + ": table with wide characters");
        }
      }
      end++;
    }
    List<String> block = new ArrayList<>();
    for (String l : lines.subList(i, end)) {
      block.add(l.strip());
    }
    int width = block.get(0).length();
    boolean blankFinish = true;
    for (int k = 0; k < block.size(); k++) {
      char edge = block.get(k).charAt(0);
      if (edge != '+' && edge != '|') {
        blankFinish = false;
        block = new ArrayList<>(block.subList(0, k));
        break;
      }
    }
    if (!GRID_TOP.matcher(block.get(block.size() - 1)).matches()) {
      blankFinish = false;
      int bottom = -1;
      for (int k = block.size() - 2; k > 1; k--) {
        if (GRID_TOP.matcher(block.get(k)).matches()) {
          bottom = k;
          break;
        }
      }
      if (bottom < 0) {
        throw new Invalid(lineNo, "Error", "Malformed table.");
      }
      block = new ArrayList<>(block.subList(0, bottom + 1));
    }
    for (String l : block) {
      char last = l.charAt(l.length() - 1);
      if (l.length() != width || (last != '+' && last != '|')) {
        throw new Invalid(lineNo, "Error", "Malformed table.");
      }
    }
    if (!blankFinish) {
      throw new Invalid(
          numbers.get(first + i + block.size()), "Warning", "Blank line required after table.");
    }
    regularGrid(block, first + i, lineNo);
    content++;
    return i + block.size();
  }

  /** The cells of a grid whose every border is the top border (with '-' or '='). */
  private void regularGrid(List<String> block, int first, int lineNo) {
    String top = block.get(0);
    List<Integer> columns = new ArrayList<>();
    for (int c = 0; c < top.length(); c++) {
      if (top.charAt(c) == '+') {
        columns.add(c);
      }
    }
    int headSeparators = 0;
    int rowTop = 0;
    for (int k = 1; k < block.size(); k++) {
      String l = block.get(k);
      if (l.charAt(0) == '+') {
        boolean mixed = l.indexOf('=') >= 0 && l.indexOf('-') >= 0;
        if (mixed || !GRID_SEPARATOR.matcher(l).matches() || !l.replace('=', '-').equals(top)) {
          throw new Undecided("line " + numbers.get(first + k) + ": a table with spans");
        }
        if (l.indexOf('=') >= 0 && (++headSeparators > 1 || k == block.size() - 1)) {
          throw new Undecided("line " + numbers.get(first + k) + ": table head separators");
        }
        if (k - rowTop < 2) {
          throw new Undecided("line " + numbers.get(first + k) + ": an empty table row");
        }
        for (int col = 0; col + 1 < columns.size(); col++) {
          List<String> cell = new ArrayList<>();
          for (int r = rowTop + 1; r < k; r++) {
            cell.add(
                block.get(r).substring(columns.get(col) + 1, columns.get(col + 1)).stripTrailing());
          }
          body(dedent(cell), first + rowTop + 1, true);
        }
        rowTop = k;
      } else {
        for (int c : columns) {
          if (l.charAt(c) != '|') {
            throw new Undecided("line " + numbers.get(first + k) + ": a table with spans");
          }
        }
      }
    }
    if (rowTop != block.size() - 1) {
      throw new Invalid(lineNo, "Error", "Malformed table.");
    }
  }

  /**
   * A simple table, isolated as docutils' {@code isolate_simple_table} does: a border of another
   * width than the top, or no bottom border, makes it malformed, and one that ends at a second
   * border with text right after wants a blank line. Its rows are parsed as docutils' {@code
   * SimpleTableParser} does when no row spans columns (text in a column margin is malformed); any
   * other shape is left to docutils.
   */
  private int simpleTable(List<String> lines, int first, int i) {
    int lineNo = numbers.get(first + i);
    int limit = lines.size() - 1;
    int topLength = lines.get(i).strip().length();
    int found = 0;
    for (int k = i + 1; k <= limit; k++) {
      String l = lines.get(k);
      if (SIMPLE_BORDER.matcher(l).matches()) {
        if (l.strip().length() != topLength) {
          throw new Invalid(lineNo, "Error", "Malformed table.");
        }
        found++;
        boolean blankAfter = k == limit || lines.get(k + 1).isBlank();
        if (found == 2 || blankAfter) {
          if (!blankAfter) {
            throw new Invalid(
                numbers.get(first + k + 1), "Warning", "Blank line required after table.");
          }
          simpleRows(lines.subList(i, k + 1), first + i);
          content++;
          return k + 1;
        }
      }
    }
    throw new Invalid(lineNo, "Error", "Malformed table.");
  }

  private void simpleRows(List<String> block, int first) {
    String top = block.get(0);
    for (String l : block) {
      for (int c = 0; c < l.length(); c++) {
        if (l.charAt(c) > 0x7E || l.charAt(c) == '\t') {
          throw new Undecided("line " + numbers.get(first) + ": table with wide characters");
        }
      }
    }
    List<int[]> columns = new ArrayList<>();
    for (int end = 0, begin; (begin = top.indexOf('=', end)) >= 0; ) {
      end = top.indexOf(' ', begin);
      end = end < 0 ? top.length() : end;
      columns.add(new int[] {begin, end});
    }
    int last = block.size() - 1;
    int start = 1;
    boolean textFound = false;
    for (int offset = 1; offset <= last; offset++) {
      String l = block.get(offset);
      if (offset == last || SIMPLE_BORDER.matcher(l).matches()) {
        if (!l.equals(top) || offset == 1 && offset != last) {
          throw new Undecided("line " + numbers.get(first + offset) + ": a table with spans");
        }
        simpleRow(block.subList(start, offset), first + start, columns);
        start = offset + 1;
        textFound = false;
      } else if (l.startsWith("-")) {
        throw new Undecided("line " + numbers.get(first + offset) + ": a table with spans");
      } else if (!slice(l, columns.get(0)[0], columns.get(0)[1]).isBlank()) {
        if (textFound && offset != start) {
          simpleRow(block.subList(start, offset), first + start, columns);
        }
        start = offset;
        textFound = true;
      } else if (!textFound) {
        if (!l.isBlank()) {
          throw new Undecided("line " + numbers.get(first + offset) + ": table text before a row");
        }
        start = offset + 1;
      }
    }
  }

  /** One row of a simple table: no text in a column margin; each cell parsed as body elements. */
  private void simpleRow(List<String> row, int first, List<int[]> columns) {
    if (row.isEmpty()) {
      return;
    }
    for (int c = 0; c + 1 < columns.size(); c++) {
      for (int r = 0; r < row.size(); r++) {
        if (!slice(row.get(r), columns.get(c)[1], columns.get(c + 1)[0]).isBlank()) {
          throw new Invalid(numbers.get(first + r), "Error", "Malformed table.");
        }
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      int end = c + 1 < columns.size() ? columns.get(c)[1] : Integer.MAX_VALUE;
      List<String> cell = new ArrayList<>();
      for (String l : row) {
        cell.add(slice(l, columns.get(c)[0], end).stripTrailing());
      }
      body(dedent(cell), first, true);
    }
  }

  private static String slice(String line, int from, int to) {
    return from >= line.length() ? "" : line.substring(from, Math.min(to, line.length()));
  }

  private int bulletList(List<String> lines, int first, int i) {
    char bullet = lines.get(i).charAt(0);
    content++;
    while (true) {
      int end = listItem(lines, first, i, BULLET);
      int next = end;
      if (next < lines.size()
          && lines.get(next).charAt(0) == bullet
          && BULLET.matcher(lines.get(next)).lookingAt()
          && (next == 0 || lines.get(next - 1).isEmpty() || true)) {
        i = next;
        continue;
      }
      endsWithBlank(lines, end, first, "Bullet list");
      return end;
    }
  }

  private boolean enumerated(List<String> lines, int i) {
    if (i + 1 >= lines.size()) {
      return true;
    }
    String next = lines.get(i + 1);
    if (next.isEmpty() || indent(next) > 0) {
      return true;
    }
    Matcher here = ENUMERATOR.matcher(lines.get(i));
    Matcher there = ENUMERATOR.matcher(next);
    if (!here.lookingAt() || !there.lookingAt()) {
      return false;
    }
    String ordinal = here.group(1) != null ? here.group(1) : here.group(3);
    String nextOrdinal = there.group(1) != null ? there.group(1) : there.group(3);
    return nextOrdinal.equals("#")
        || !ordinal.equals("#") && nextOrdinal.equals(increment(ordinal));
  }

  private int enumeratedList(List<String> lines, int first, int i) {
    content++;
    Matcher m = ENUMERATOR.matcher(lines.get(i));
    m.lookingAt();
    String format = format(m);
    String ordinal = m.group(1) != null ? m.group(1) : m.group(3);
    while (true) {
      int end = listItem(lines, first, i, ENUMERATOR);
      if (end < lines.size()) {
        Matcher next = ENUMERATOR.matcher(lines.get(end));
        if (next.lookingAt() && format(next).equals(format)) {
          String nextOrdinal = next.group(1) != null ? next.group(1) : next.group(3);
          if (nextOrdinal.equals("#") || nextOrdinal.equals(increment(ordinal))) {
            if (!enumerated(lines, end)) {
              throw new Undecided("line " + numbers.get(first + end) + ": enumerated list item");
            }
            ordinal = nextOrdinal;
            i = end;
            continue;
          }
          throw new Undecided("line " + numbers.get(first + end) + ": enumeration out of sequence");
        }
        if (ENUMERATOR.matcher(lines.get(end)).lookingAt()) {
          throw new Undecided(
              "line " + numbers.get(first + end) + ": enumerated list format changes");
        }
      }
      endsWithBlank(lines, end, first, "Enumerated list");
      return end;
    }
  }

  private static String format(Matcher m) {
    return m.group(2) != null ? m.group(2) : "()";
  }

  private static String increment(String ordinal) {
    try {
      return Integer.toString(Integer.parseInt(ordinal) + 1);
    } catch (NumberFormatException e) {
      return "";
    }
  }

  /** Parses one list item starting at {@code i}; returns the index after it. */
  private int listItem(List<String> lines, int first, int i, Pattern marker) {
    String line = lines.get(i);
    Matcher m = marker.matcher(line);
    m.lookingAt();
    int contentIndent = m.end();
    if (contentIndent >= line.length()) {
      throw new Undecided(
          "line " + numbers.get(first + i) + ": list item with an empty first line");
    }
    int n = lines.size();
    int end = i + 1;
    while (end < n && (lines.get(end).isEmpty() || indent(lines.get(end)) >= contentIndent)) {
      end++;
    }
    if (end < n && indent(lines.get(end)) > 0) {
      throw new Undecided("line " + numbers.get(first + end) + ": list item indentation");
    }
    int last = trimBlank(lines, i, end);
    List<String> item = new ArrayList<>();
    item.add(line.substring(contentIndent));
    for (String l : lines.subList(i + 1, last)) {
      item.add(l.isEmpty() ? l : l.substring(contentIndent));
    }
    body(item, first + i, true);
    return end;
  }

  private int underlined(List<String> lines, int first, int i, boolean nested) {
    String title = lines.get(i);
    String underline = lines.get(i + 1);
    int lineNo = numbers.get(first + i);
    if (width(title) > underline.length()) {
      if (underline.length() < 4) {
        // docutils: "Treating it as ordinary text because it's so short" (an info, not fatal)
        return paragraph(lines, first, i, true);
      }
      throw new Invalid(numbers.get(first + i + 1), "Warning", "Title underline too short.");
    }
    if (nested) {
      throw new Invalid(lineNo, "Severe", "Unexpected section title.");
    }
    section(title, underline.charAt(0) + "", lineNo);
    return i + 2;
  }

  private int overline(List<String> lines, int first, int i, boolean nested) {
    String over = lines.get(i);
    int lineNo = numbers.get(first + i);
    int n = lines.size();
    if (i + 1 >= n || lines.get(i + 1).isEmpty()) {
      if (over.length() < 4) {
        throw new Undecided("line " + lineNo + ": short punctuation line");
      }
      return transition(lines, first, i, nested);
    }
    if (i + 2 >= n || !isAdornment(lines.get(i + 2))) {
      throw new Undecided("line " + lineNo + ": overline without a matching underline");
    }
    String title = lines.get(i + 1).strip();
    String under = lines.get(i + 2);
    if (!under.equals(over)) {
      if (over.length() < 4) {
        // docutils reads a short overline as text ("Possible incomplete section title")
        throw new Undecided("line " + lineNo + ": short overline");
      }
      throw new Invalid(lineNo, "Severe", "Title overline & underline mismatch.");
    }
    // docutils measures the title with its indentation (only its end is stripped)
    if (width(lines.get(i + 1)) > over.length()) {
      if (over.length() < 4) {
        throw new Undecided("line " + lineNo + ": short overline");
      }
      throw new Invalid(lineNo, "Warning", "Title overline too short.");
    }
    if (nested) {
      throw new Invalid(lineNo, "Severe", "Unexpected section title.");
    }
    section(title, "over" + over.charAt(0), lineNo);
    return i + 3;
  }

  private int transition(List<String> lines, int first, int i, boolean nested) {
    if (nested || content == 0 || i + 1 >= trimBlank(lines, 0, lines.size())) {
      throw new Undecided("line " + numbers.get(first + i) + ": transition at an edge");
    }
    return i + 1;
  }

  private void section(String title, String style, int lineNo) {
    int index = styles.indexOf(style);
    if (index < 0) {
      if (sectionLevel != styles.size()) {
        throw new Invalid(lineNo, "Severe", "Title level inconsistent:");
      }
      styles.add(style);
      sectionLevel = styles.size();
    } else {
      if (index + 1 > sectionLevel + 1) {
        throw new Invalid(lineNo, "Severe", "Title level inconsistent:");
      }
      sectionLevel = index + 1;
    }
    titles++;
    if (TITLE_MARKUP.matcher(title).matches()) {
      markupInTitles = true;
    }
    inline(title, lineNo);
    implicitTargets.add(normalize(title));
  }

  private int explicit(List<String> lines, int first, int i, boolean nested) {
    int end = endOfIndented(lines, i + 1);
    if (TARGET.matcher(lines.get(i)).matches()) {
      // docutils ends a hyperlink target at its first blank line (until_blank): indented text
      // after that is a block quote of the body, not part of the target
      int k = i + 1;
      while (k < end && !lines.get(k).isEmpty()) {
        k++;
      }
      end = k < end ? k + 1 : end;
    }
    int last = trimBlank(lines, i, end);
    endsWithBlank(lines, end, first, "Explicit markup");
    String line = lines.get(i);
    int lineNo = numbers.get(first + i);
    Matcher m;
    if ((m = SUBSTITUTION_DEF.matcher(line)).matches()) {
      substitutionDefinition(m, lines.subList(i + 1, last), lineNo);
    } else if ((m = TARGET.matcher(line)).matches()) {
      target(m, lines.subList(i + 1, last), lineNo);
    } else if (FOOTNOTE.matcher(line).matches()) {
      throw new Undecided("line " + lineNo + ": footnote or citation");
    } else if ((m = DIRECTIVE.matcher(line)).matches()) {
      directive(m, lines.subList(i + 1, last), first + i + 1, lineNo, nested);
    } else if (SUBSTITUTION_START.matcher(line).matches()) {
      throw new Undecided("line " + lineNo + ": substitution definition");
    }
    // anything else is a comment
    return end;
  }

  private void target(Matcher m, List<String> rest, int lineNo) {
    String name = m.group(1);
    String uri = (m.group(2) == null ? "" : m.group(2)).strip();
    StringBuilder all = new StringBuilder(uri);
    for (String l : rest) {
      all.append(l.strip());
    }
    uri = all.toString().replace(" ", "");
    if (name.equals("_")) {
      anonymousTargets++;
      return;
    }
    if (name.startsWith("`")) {
      name = name.substring(1, name.length() - 1);
    }
    if (uri.isEmpty() || uri.endsWith("_")) {
      throw new Undecided("line " + lineNo + ": internal or indirect hyperlink target");
    }
    registerExplicit(normalize(name.replace("\\:", ":")), uri, lineNo);
  }

  private void registerExplicit(String name, String uri, int lineNo) {
    String previous = explicitTargets.putIfAbsent(name, uri);
    if (previous != null && !previous.equals(uri)) {
      throw new Invalid(lineNo, "Warning", "Duplicate explicit target name: \"" + name + "\".");
    }
  }

  private void substitutionDefinition(Matcher m, List<String> rest, int lineNo) {
    String name = m.group(1);
    String directive = m.group(2).toLowerCase(Locale.ROOT);
    if (!DIRECTIVES.contains(directive)) {
      throw new Invalid(lineNo, "Error", "Unknown directive type \"" + m.group(2) + "\".");
    }
    if (directive.equals("image")) {
      String argument = m.group(3) == null ? "" : m.group(3).strip();
      if (argument.isEmpty()) {
        throw new Undecided("line " + lineNo + ": substitution image without a URI on its line");
      }
      options("image", rest, lineNo);
    } else if (!directive.equals("replace") && !directive.equals("unicode")) {
      throw new Undecided("line " + lineNo + ": substitution with " + directive);
    }
    if (!substitutions.add(name)) {
      throw new Undecided("line " + lineNo + ": substitution defined twice");
    }
  }

  private void directive(Matcher m, List<String> rest, int first, int lineNo, boolean nested) {
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String argument = m.group(2) == null ? "" : m.group(2).strip();
    if (!DIRECTIVES.contains(name)) {
      throw new Invalid(lineNo, "Error", "Unknown directive type \"" + m.group(1) + "\".");
    }
    if (name.equals("raw")) {
      throw new Invalid(lineNo, "Warning", "\"raw\" directive disabled.");
    }
    if (name.equals("include")) {
      throw new Invalid(lineNo, "Warning", "\"include\" directive disabled.");
    }
    // options come first, until a blank line; then the content
    int split = 0;
    while (split < rest.size() && !rest.get(split).isEmpty()) {
      split++;
    }
    List<String> head = dedentAll(rest.subList(0, split));
    List<String> contentLines = rest.subList(Math.min(split, rest.size()), rest.size());
    boolean hasContent = contentLines.stream().anyMatch(l -> !l.isEmpty());
    String family =
        ADMONITIONS.contains(name)
            ? "admonition"
            : name.equals("code-block") || name.equals("sourcecode") ? "code" : name;
    switch (family) {
      case "code", "math" -> {
        if (!name.equals("math") && argument.contains(" ")) {
          throw new Undecided("line " + lineNo + ": code directive with several arguments");
        }
        options(family, head, lineNo);
        if (!hasContent && !(name.equals("math") && !argument.isEmpty())) {
          throw new Undecided("line " + lineNo + ": " + name + " directive without content");
        }
        content++;
      }
      case "admonition" -> {
        if (!argument.isEmpty() || !head.isEmpty() && !head.get(0).startsWith(":")) {
          throw new Undecided("line " + lineNo + ": admonition with text on the directive line");
        }
        options(family, head, lineNo);
        if (!hasContent) {
          throw new Undecided("line " + lineNo + ": empty admonition");
        }
        content++;
        body(dedent(contentLines), first + split, true);
      }
      case "image" -> {
        if (argument.isEmpty() || !head.isEmpty() && !head.get(0).startsWith(":")) {
          throw new Undecided("line " + lineNo + ": image URI not on the directive line");
        }
        options("image", head, lineNo);
        if (hasContent) {
          throw new Undecided("line " + lineNo + ": image with content");
        }
        content++;
      }
      case "contents" -> {
        if (nested) {
          throw new Invalid(
              lineNo,
              "Error",
              "The \"contents\" directive may not be used within topics or body elements.");
        }
        options("contents", head, lineNo);
        if (hasContent) {
          throw new Undecided("line " + lineNo + ": contents with content");
        }
      }
      case "container", "topic" -> {
        if (name.equals("topic") && argument.isEmpty()) {
          throw new Undecided("line " + lineNo + ": topic without a title");
        }
        options(family, head, lineNo);
        if (!hasContent) {
          throw new Undecided("line " + lineNo + ": " + name + " without content");
        }
        content++;
        body(dedent(contentLines), first + split, true);
      }
      default -> throw new Undecided("line " + lineNo + ": the " + name + " directive");
    }
  }

  /** Checks directive options against what pyrelease knows to be valid. */
  private static void options(String directive, List<String> head, int lineNo) {
    Set<String> known = OPTIONS.getOrDefault(directive, Set.of());
    for (String option : head) {
      Matcher m = DIRECTIVE_OPTION.matcher(option.strip());
      if (!m.matches() || !known.contains(m.group(1))) {
        throw new Undecided("line " + lineNo + ": directive option '" + option.strip() + "'");
      }
      String value = m.group(2) == null ? "" : m.group(2).strip();
      switch (m.group(1)) {
        case "width", "height" -> {
          if (!LENGTH.matcher(value).matches()) {
            throw new Undecided("line " + lineNo + ": option value '" + value + "'");
          }
        }
        case "scale", "depth" -> {
          if (!value.matches("\\d+%?")) {
            throw new Undecided("line " + lineNo + ": option value '" + value + "'");
          }
        }
        case "align" -> {
          if (!Set.of("top", "middle", "bottom", "left", "center", "right").contains(value)) {
            throw new Undecided("line " + lineNo + ": option value '" + value + "'");
          }
        }
        case "local", "number-lines" -> {
          if (!value.isEmpty() && !value.matches("\\d+")) {
            throw new Undecided("line " + lineNo + ": option value '" + value + "'");
          }
        }
        default -> {
          if (value.isEmpty() && !m.group(1).equals("class")) {
            throw new Undecided("line " + lineNo + ": option without a value");
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- inline markup

  private void inline(String raw, int lineNo) {
    int length = raw.length();
    boolean[] escaped = new boolean[length];
    boolean[] outer = escapes;
    boolean[] outerSpaces = escapedSpaces;
    escapes = new boolean[length + 1];
    escapedSpaces = new boolean[length + 1];
    try {
      inline(
          raw.indexOf('\\') < 0 ? raw : unescape(raw, escaped, escapes, escapedSpaces),
          escaped,
          lineNo);
    } finally {
      escapes = outer;
      escapedSpaces = outerSpaces;
    }
  }

  private void inline(String s, boolean[] escaped, int lineNo) {
    int i = 0;
    int n = s.length();
    int underscore = s.indexOf('_'); // the next at or after i: simple references end with one
    while (i < n) {
      char c = s.charAt(i);
      if (escaped[i] || !startAllowed(s, i)) {
        i++;
        continue;
      }
      if (s.startsWith("``", i)) {
        i = closing(s, escaped, i, "``", "Inline literal", lineNo, true);
      } else if (s.startsWith("**", i)) {
        i = closing(s, escaped, i, "**", "Inline strong", lineNo, false);
      } else if (c == '*') {
        i = closing(s, escaped, i, "*", "Inline emphasis", lineNo, false);
      } else if (c == '`') {
        i = interpreted(s, escaped, i, null, lineNo);
      } else if (s.startsWith("_`", i)) {
        int end = closing(s, escaped, i + 1, "`", "Inline target", lineNo, false);
        explicitTargets.putIfAbsent(normalize(s.substring(i + 2, end - 1)), "#inline");
        i = end;
      } else if (c == '|') {
        int end = closing(s, escaped, i, "|", "Inline substitution_reference", lineNo, false);
        substitutionRefs.add(new Reference(s.substring(i + 1, end - 1), lineNo));
        if (end < n && s.charAt(end) == '_' && !escaped[end]) {
          throw new Undecided("line " + lineNo + ": substitution reference used as a link");
        }
        i = end;
      } else if (c == '[' && footnoteReference(s, i)) {
        throw new Undecided("line " + lineNo + ": footnote or citation reference");
      } else if (c == ':') {
        Matcher role = ROLE_PREFIX.matcher(s).region(i, n);
        if (role.lookingAt()) {
          i = interpreted(s, escaped, role.end() - 1, role.group(1), lineNo);
        } else {
          i++;
        }
      } else {
        if (underscore >= 0 && underscore < i) {
          underscore = s.indexOf('_', i);
        }
        i = underscore < 0 ? wordEnd(s, i) : simpleReference(s, escaped, i, lineNo);
      }
    }
  }

  /**
   * {@code raw} without its backslash escapes, marking in {@code escaped} which characters of the
   * result were escaped (an escaped space or newline stays, marked in {@code escapedSpaces}: to
   * docutils' inline rules it is whitespace).
   */
  private static String unescape(
      String raw, boolean[] escaped, boolean[] escapes, boolean[] escapedSpaces) {
    int length = raw.length();
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < length) {
        escapes[text.length()] = true;
        char next = raw.charAt(++i);
        if (next == ' ' || next == '\n') {
          // kept as the whitespace it is to docutils' inline rules (the renderer drops it later)
          escapedSpaces[text.length()] = true;
          text.append(next);
          continue;
        }
        escaped[text.length()] = true;
        text.append(next);
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  /**
   * Whether an end-string may end before {@code i}: docutils also lets one be followed by a
   * backslash escape (its text then holds a NUL there, which the end-string suffix allows).
   */
  private boolean endAllowedHere(String s, int i) {
    return i < escapes.length && escapes[i] || endAllowed(s, i);
  }

  /** Finds the end-string of a construct starting at {@code start}; returns the index after it. */
  private int closing(
      String s,
      boolean[] escaped,
      int start,
      String delimiter,
      String construct,
      int lineNo,
      boolean literal) {
    int from = start + delimiter.length();
    if (from >= s.length() || Character.isWhitespace(s.charAt(from))) {
      return start + 1; // not a start-string: followed by whitespace
    }
    if (start > 0 && closesOpener(s.charAt(start - 1), s.charAt(from))) {
      return start + 1;
    }
    for (int j = from + 1; j <= s.length() - delimiter.length(); j++) {
      if (!s.startsWith(delimiter, j) || (!literal && escaped[j])) {
        continue;
      }
      // an escaped space is whitespace before an end-string, except interpreted text's (docutils:
      // non_unescaped_whitespace_escape_before)
      if (Character.isWhitespace(s.charAt(j - 1))
          && !(escapedSpaces[j - 1] && construct.startsWith("Inline interpreted"))) {
        continue;
      }
      if (!literal && escaped[j - 1] && s.charAt(j - 1) == '\\') {
        continue;
      }
      int after = j + delimiter.length();
      if (delimiter.equals("*") && after < s.length() && s.charAt(after) == '*') {
        continue;
      }
      int context = after < s.length() && escaped[after] ? after : suffixEnd(s, after, delimiter);
      if (endAllowedHere(s, context)) {
        return after;
      }
    }
    throw new Invalid(lineNo, "Warning", construct + " start-string without end-string.");
  }

  /** Where the end-string's context starts: after a reference suffix or a role suffix. */
  private static int suffixEnd(String s, int after, String delimiter) {
    if (!delimiter.equals("`") && !delimiter.equals("|")) {
      return after;
    }
    if (s.startsWith("__", after)) {
      return after + 2;
    }
    if (s.startsWith("_", after)) {
      return after + 1;
    }
    if (delimiter.equals("`")) {
      Matcher role = ROLE_SUFFIX.matcher(s).region(after, s.length());
      if (role.lookingAt()) {
        return role.end();
      }
    }
    return after;
  }

  private int interpreted(String s, boolean[] escaped, int start, String role, int lineNo) {
    int end =
        closing(
            s, escaped, start, "`", "Inline interpreted text or phrase reference", lineNo, false);
    if (end == start + 1) {
      return end; // not markup
    }
    String inner = s.substring(start + 1, end - 1);
    int n = s.length();
    if (end < n && s.charAt(end) == '_' && !escaped[end]) {
      boolean anonymous = end + 1 < n && s.charAt(end + 1) == '_';
      int after = end + (anonymous ? 2 : 1);
      if (role != null) {
        throw new Invalid(
            lineNo, "Warning", "Mismatch: both interpreted text role prefix and reference suffix.");
      }
      phraseReference(inner, anonymous, lineNo);
      return after;
    }
    Matcher suffix = ROLE_SUFFIX.matcher(s).region(end, n);
    if ((end >= n || !escaped[end]) && suffix.lookingAt()) {
      if (role != null) {
        throw new Invalid(
            lineNo,
            "Warning",
            "Multiple roles in interpreted text (both prefix and suffix present; only one allowed).");
      }
      role = suffix.group(1);
      end = suffix.end();
    }
    // without a role, docutils' default role applies: title-reference, which always renders (a
    // default-role directive, which could change it, is left to docutils)
    checkRole(role == null ? "title-reference" : role, inner, lineNo);
    return end;
  }

  private static void checkRole(String role, String inner, int lineNo) {
    String name = role.toLowerCase(Locale.ROOT);
    if (!ROLES.contains(name)) {
      if (name.equals("raw")) {
        throw new Invalid(
            lineNo, "Error", "No format (Writer name) is associated with this role: \"raw\".");
      }
      throw new Invalid(lineNo, "Error", "Unknown interpreted text role \"" + role + "\".");
    }
    if (name.startsWith("pep") && !inner.strip().matches("\\d{1,4}")) {
      throw new Invalid(
          lineNo,
          "Error",
          "PEP number must be a number from 0 to 9999; \"" + inner + "\" is invalid.");
    }
    if (name.startsWith("rfc") && !inner.strip().matches("[1-9]\\d*(#.*)?")) {
      throw new Undecided("line " + lineNo + ": RFC role value");
    }
  }

  private void phraseReference(String inner, boolean anonymous, int lineNo) {
    // an embedded URI closes the phrase: without '>' last, neither pattern can match
    Matcher embedded = inner.endsWith(">") ? EMBEDDED.matcher(inner) : null;
    if (embedded != null
        && embedded.matches()
        && (embedded.group(1).isEmpty() || EMBEDDED_AFTER_SPACE.matcher(inner).matches())) {
      String uri = WHITESPACE.matcher(embedded.group(2)).replaceAll("");
      if (uri.endsWith("_")) {
        throw new Undecided("line " + lineNo + ": embedded alias reference");
      }
      if (!anonymous) {
        String name = embedded.group(1).isEmpty() ? uri : embedded.group(1);
        registerExplicit(normalize(name), uri, lineNo);
      }
      return;
    }
    if (anonymous) {
      anonymousRefs++;
    } else {
      references.add(new Reference(normalize(inner), lineNo));
    }
  }

  /**
   * A simple reference ({@code name_}) at {@code i}. docutils looks for these before it looks for
   * standalone URIs, so {@code https://x.example/a_b_} holds a reference to "a_b".
   */
  private int simpleReference(String s, boolean[] escaped, int i, int lineNo) {
    int suffix = referenceSuffix(s, i);
    if (suffix >= 0) {
      boolean anonymous = s.startsWith("__", suffix);
      int end = suffix + (anonymous ? 2 : 1);
      if (endAllowedHere(s, end) && !escaped[suffix]) {
        if (anonymous) {
          anonymousRefs++;
        } else {
          references.add(new Reference(normalize(s.substring(i, suffix)), lineNo));
        }
        return end;
      }
    }
    return wordEnd(s, i);
  }

  /** Past the word starting at {@code i} (or past {@code i}): markup cannot start inside it. */
  private static int wordEnd(String s, int i) {
    int j = i + 1;
    while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
      j++;
    }
    return Character.isLetterOrDigit(s.charAt(i)) ? j : i + 1;
  }

  /**
   * Where the {@code _} or {@code __} suffix of a simple reference starting at {@code i} begins, or
   * -1: what the regular expression {@code [\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*(__?)} finds
   * there with {@code lookingAt}, scanned by hand (a matcher per word cost more than the rest of
   * the check). The greedy repetition backs off to the last word end that a {@code _} follows.
   */
  static int referenceSuffix(String s, int i) {
    int end = alphanumericRun(s, i);
    if (end == i) {
      return -1;
    }
    int suffix = -1;
    while (end < s.length()) {
      char c = s.charAt(end);
      if (c == '_') {
        suffix = end;
      }
      if (c != '-' && c != '.' && c != '_' && c != '+' && c != ':') {
        break;
      }
      int next = alphanumericRun(s, end + 1);
      if (next == end + 1) {
        break;
      }
      end = next;
    }
    return suffix;
  }

  /** The end of the run of letters and numbers (Unicode categories L and N) from {@code i}. */
  private static int alphanumericRun(String s, int i) {
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      switch (Character.getType(cp)) {
        case Character.UPPERCASE_LETTER,
            Character.LOWERCASE_LETTER,
            Character.TITLECASE_LETTER,
            Character.MODIFIER_LETTER,
            Character.OTHER_LETTER,
            Character.DECIMAL_DIGIT_NUMBER,
            Character.LETTER_NUMBER,
            Character.OTHER_NUMBER ->
            i += Character.charCount(cp);
        default -> {
          return i;
        }
      }
    }
    return i;
  }

  /** Whether {@code [label]_} starts at {@code i}: a footnote or citation reference. */
  static boolean footnoteReference(String s, int i) {
    int n = s.length();
    int k = i + 1;
    while (k < n && s.charAt(k) != ']' && !isRegexSpace(s.charAt(k))) {
      k++;
    }
    return k > i + 1 && k + 1 < n && s.charAt(k) == ']' && s.charAt(k + 1) == '_';
  }

  /** {@code \\s} of Java's regular expressions: ASCII whitespace only. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean startAllowed(String s, int i) {
    if (i == 0) {
      return true;
    }
    char before = s.charAt(i - 1);
    if (before < 0x80) {
      // docutils' start-string prefix in ASCII: openers and delimiters only, so not after ')'
      return Character.isWhitespace(before) || START_FOLLOWED.indexOf(before) >= 0;
    }
    return Character.isWhitespace(before) || isPunctuation(before);
  }

  private static final String START_FOLLOWED = "\"'(<[{-/:";

  private static boolean endAllowed(String s, int i) {
    if (i >= s.length()) {
      return true;
    }
    char after = s.charAt(i);
    if (after < 0x80) {
      // docutils' end-string suffix in ASCII: closing delimiters, delimiters and closers only
      return Character.isWhitespace(after) || END_FOLLOWERS.indexOf(after) >= 0;
    }
    return Character.isWhitespace(after) || isPunctuation(after);
  }

  private static final String END_FOLLOWERS = "!\"'),-./:;>?\\]}";

  private static boolean isPunctuation(char c) {
    int type = Character.getType(c);
    return type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.DASH_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean closesOpener(char before, char after) {
    return before == '(' && after == ')'
        || before == '[' && after == ']'
        || before == '{' && after == '}'
        || before == '<' && after == '>'
        || before == '\'' && after == '\''
        || before == '"' && after == '"'
        || Character.getType(before) == Character.INITIAL_QUOTE_PUNCTUATION
            && Character.getType(after) == Character.FINAL_QUOTE_PUNCTUATION;
  }

  // ---------------------------------------------------------------- transforms

  private void transforms() {
    for (Reference ref : references) {
      if (!explicitTargets.containsKey(ref.name()) && !implicitTargets.contains(ref.name())) {
        if (markupInTitles) {
          throw new Undecided("reference to a title with markup");
        }
        throw new Invalid(ref.line(), "Error", "Unknown target name: \"" + ref.name() + "\".");
      }
    }
    if (anonymousRefs != anonymousTargets) {
      throw new Invalid(
          1,
          "Error",
          "Anonymous hyperlink mismatch: "
              + anonymousRefs
              + " references but "
              + anonymousTargets
              + " targets.");
    }
    for (Reference ref : substitutionRefs) {
      boolean defined =
          substitutions.contains(ref.name())
              || substitutions.stream().anyMatch(d -> d.equalsIgnoreCase(ref.name()));
      if (!defined) {
        throw new Invalid(
            ref.line(), "Error", "Undefined substitution referenced: \"" + ref.name() + "\".");
      }
    }
    if (content == 0) {
      if (titles == 0) {
        throw new Invalid(1, "Error", "No content rendered from RST source.");
      }
      throw new Undecided("only section titles");
    }
  }

  // ---------------------------------------------------------------- text helpers

  private static boolean isAdornment(String line) {
    if (line.isEmpty() || ADORNMENT.indexOf(line.charAt(0)) < 0) {
      return false;
    }
    char c = line.charAt(0);
    for (int i = 1; i < line.length(); i++) {
      if (line.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static List<String> dedent(List<String> lines) {
    int min = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isEmpty()) {
        min = Math.min(min, indent(l));
      }
    }
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(l.isEmpty() ? l : l.substring(min == Integer.MAX_VALUE ? 0 : min));
    }
    return out;
  }

  private static List<String> dedentAll(List<String> lines) {
    return lines.stream().map(String::strip).toList();
  }

  private static String expandTabs(String line) {
    if (line.indexOf('\t') < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        do {
          out.append(' ');
        } while (out.length() % 8 != 0);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String strip(String line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end);
  }

  /** The width docutils measures titles in: East Asian wide characters count twice. */
  private static int width(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        throw new Undecided("characters outside the basic plane in a title");
      }
      width += isWide(c) ? 2 : Character.getType(c) == Character.NON_SPACING_MARK ? 0 : 1;
    }
    return width;
  }

  private static boolean isWide(char c) {
    return c >= 0x1100 && c <= 0x115F
        || c >= 0x2E80 && c <= 0xA4CF
        || c >= 0xAC00 && c <= 0xD7A3
        || c >= 0xF900 && c <= 0xFAFF
        || c >= 0xFE30 && c <= 0xFE4F
        || c >= 0xFF00 && c <= 0xFF60
        || c >= 0xFFE0 && c <= 0xFFE6;
  }

  private static String normalize(String name) {
    String stripped = name.strip();
    // most names have single spaces only: nothing for the regular expression to replace
    boolean plain =
        stripped.indexOf("  ") < 0
            && stripped.indexOf('\t') < 0
            && stripped.indexOf('\n') < 0
            && stripped.indexOf('\u000B') < 0
            && stripped.indexOf('\f') < 0
            && stripped.indexOf('\r') < 0;
    return (plain ? stripped : WHITESPACE.matcher(stripped).replaceAll(" "))
        .toLowerCase(Locale.ROOT);
  }
}
