package io.github.pyrelease.dist;

import java.util.List;

/**
 * A wheel's RECORD, parsed as Python's {@code csv} module reads it.
 *
 * @param path where RECORD is inside the wheel
 * @param rows the rows with three columns
 * @param problems rows that are not {@code path,hash,size}, with their line
 */
public record RecordFile(String path, List<RecordRow> rows, List<String> problems) {

  public RecordFile {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }
}
