package io.github.pyrelease.version;

/**
 * Text that is not a PEP 440 version. The message names the input and says why: where parsing
 * stopped and what was expected there, or which rule the text breaks.
 */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Inputs longer than this are shortened in the message (the full text stays in input()). */
  private static final int SHOWN_CHARS = 80;

  private final String input;
  private final String reason;

  public InvalidVersionException(String input, String reason) {
    super("invalid version '" + shorten(input) + "': " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** The text that was parsed, exactly as given. */
  public String input() {
    return input;
  }

  /** Why the text is not a version, without the input itself. */
  public String reason() {
    return reason;
  }

  private static String shorten(String text) {
    if (text.length() <= SHOWN_CHARS) {
      return text;
    }
    return text.substring(0, SHOWN_CHARS) + "... (" + text.length() + " chars)";
  }
}
