package io.github.pyrelease.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;

/**
 * Where a JSON parser stopped, for a message about an answer a server gave. The parser's own
 * message quotes the text it stopped at, and a server may echo back the credentials it was sent:
 * only the position is safe to show.
 */
public final class JsonProblems {

  private JsonProblems() {}

  /** "malformed at line L, column C", or "malformed" when the parser gives no position. */
  public static String where(JacksonException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? "malformed"
        : "malformed at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
