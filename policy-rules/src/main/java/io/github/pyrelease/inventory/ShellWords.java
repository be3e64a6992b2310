package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.InventoryReadException;
import java.util.ArrayList;
import java.util.List;

/** Splits an options string into words as Python's {@code shlex.split} does (POSIX mode). */
final class ShellWords {

  private ShellWords() {}

  static List<String> split(String text, String where) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\'
            && quote == '"'
            && i + 1 < text.length()
            && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '\\' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new InventoryReadException(
          "a quote is not closed in the options", where, "close the " + quote + " quote");
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
