package io.github.pyrelease.dist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a wheel's RECORD as Python's {@code csv} reader does with the default dialect over the
 * text read with {@code newline=''}: comma separated, double quotes around fields that need them, a
 * doubled quote inside quotes, rows ended by LF, CRLF or CR, line numbers counting every line break
 * (those inside quotes too). A quote still open at the end ends its field there, as Python's
 * lenient default does, and is also reported: no RECORD writer leaves one. (pip and installer read
 * {@code text.splitlines()} instead, which differs only for paths holding line breaks or other
 * separators such as U+2028.)
 */
public final class RecordParser {

  private RecordParser() {}

  public static RecordFile parse(String path, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<RecordRow> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (text.indexOf('\uFFFD') >= 0) {
      problems.add("RECORD is not valid UTF-8");
    }
    if (text.indexOf('"') < 0 && text.indexOf('\r') < 0) {
      plainRows(text, rows, problems);
      return new RecordFile(path, rows, problems);
    }
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int rowLine = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean anyQuote = false;
      boolean endOfRow = false;
      while (i < n && !endOfRow) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
              continue;
            }
            quoted = false;
          } else {
            if (c == '\n' || c == '\r' && (i + 1 == n || text.charAt(i + 1) != '\n')) {
              line++;
            }
            cell.append(c);
          }
          i++;
        } else if (c == '"' && cell.length() == 0) {
          quoted = true;
          anyQuote = true;
          i++;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          i++;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
          i++;
          line++;
          endOfRow = true;
        } else {
          cell.append(c);
          i++;
        }
      }
      cells.add(cell.toString());
      if (quoted) {
        problems.add("line " + rowLine + ": a quoted field is not closed before the end of RECORD");
      }
      if (anyQuote || !isBlank(cells)) {
        add(cells, rowLine, rows, problems);
      }
    }
    return new RecordFile(path, rows, problems);
  }

  /**
   * The rows of a RECORD without quotes or carriage returns, as every backend writes it: split at
   * each LF and comma by the JDK's search rather than a loop per character, with the same result.
   */
  private static void plainRows(String text, List<RecordRow> rows, List<String> problems) {
    int line = 1;
    for (int start = 0; start < text.length(); line++) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      List<String> cells = new ArrayList<>(3);
      int from = start;
      for (int comma = text.indexOf(',', from);
          comma >= 0 && comma < end;
          comma = text.indexOf(',', from)) {
        cells.add(text.substring(from, comma));
        from = comma + 1;
      }
      cells.add(text.substring(from, end));
      if (!isBlank(cells)) {
        add(cells, line, rows, problems);
      }
      start = end + 1;
    }
  }

  /** An empty line: Python's reader gives an empty row, which is no entry. */
  private static boolean isBlank(List<String> cells) {
    return cells.size() == 1 && cells.get(0).isEmpty();
  }

  /** One row's cells: a row, or a problem when there are not three. */
  private static void add(
      List<String> cells, int line, List<RecordRow> rows, List<String> problems) {
    if (cells.size() != 3) {
      problems.add(
          "line "
              + line
              + ": expected 3 columns (path,hash,size), found "
              + cells.size()
              + ": "
              + CoreMetadataParser.abbreviate(
                  String.join(",", cells).replace("\r", "\\r").replace("\n", "\\n")));
    } else {
      rows.add(new RecordRow(cells.get(0), cells.get(1), cells.get(2), line));
    }
  }
}
