package io.github.pyrelease.dist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a wheel's RECORD as Python's {@code csv} reader does with the default dialect: comma
 * separated, double quotes around fields that need them, a doubled quote inside quotes, rows ended
 * by LF or CRLF.
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
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int rowLine = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean unterminated = false;
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
            if (c == '\n') {
              line++;
            }
            cell.append(c);
          }
          i++;
        } else if (c == '"' && cell.length() == 0) {
          quoted = true;
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
      if (quoted) {
        unterminated = true;
      }
      cells.add(cell.toString());
      if (cells.size() == 1 && cells.get(0).isEmpty()) {
        continue; // blank line
      }
      if (unterminated) {
        problems.add("line " + rowLine + ": a quoted field is not closed");
      } else if (cells.size() != 3) {
        problems.add(
            "line "
                + rowLine
                + ": expected 3 columns (path,hash,size), found "
                + cells.size()
                + ": "
                + CoreMetadataParser.abbreviate(String.join(",", cells)));
      } else {
        rows.add(new RecordRow(cells.get(0), cells.get(1), cells.get(2), rowLine));
      }
    }
    return new RecordFile(path, rows, problems);
  }
}
