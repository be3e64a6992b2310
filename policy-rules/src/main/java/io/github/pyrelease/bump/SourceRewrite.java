package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.version.Version;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites one version source in place: exactly the version text at the source's line and column
 * changes, quotes and everything around it stay. An integer tuple ({@code VERSION = (1, 2, 3)})
 * gets the new release numbers with its own separators. A source that a bump-my-version rule
 * already rewrote is left to that rule.
 */
final class SourceRewrite {

  private static final Pattern TUPLE_NUMBERS = Pattern.compile("\\d+(?:\\s*,\\s*\\d+)*");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private SourceRewrite() {}

  static boolean isTuple(VersionSource source) {
    return source.label().endsWith("(tuple)");
  }

  /**
   * @param text the version text to write
   * @param next the new version (a tuple takes its release numbers)
   */
  static void rewrite(EditableFile file, VersionSource source, String text, Version next) {
    int offset = source.line() > 0 ? file.offsetOf(source.line(), source.column()) : -1;
    String original = file.originalText();
    int end;
    String replacement;
    if (isTuple(source)) {
      Matcher numbers = TUPLE_NUMBERS.matcher(original);
      if (offset < 0 || !numbers.region(offset, original.length()).lookingAt()) {
        throw moved(file, source);
      }
      end = numbers.end();
      replacement = tuple(original.substring(offset, end), next.release());
    } else {
      if (offset < 0 || !original.startsWith(source.text(), offset)) {
        throw moved(file, source);
      }
      end = offset + source.text().length();
      replacement = text;
    }
    OptionalInt now = file.text().currentOffset(offset, end);
    if (now.isPresent()) {
      file.text().replace(now.getAsInt(), now.getAsInt() + (end - offset), replacement);
    }
  }

  /** The new numbers, separated as the first separator of the tuple as written. */
  private static String tuple(String written, List<BigInteger> release) {
    Matcher number = NUMBER.matcher(written);
    number.find();
    int firstEnd = number.end();
    String separator = number.find() ? written.substring(firstEnd, number.start()) : ", ";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < release.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      out.append(release.get(i));
    }
    return out.toString();
  }

  private static PyreleaseException moved(EditableFile file, VersionSource source) {
    return new PyreleaseException(
        "the version text '"
            + source.text()
            + "' of "
            + source.label()
            + " is no longer at line "
            + source.line()
            + ", column "
            + source.column(),
        file.relative() + ":" + source.line(),
        "the file changed while pyrelease read it; run the bump again");
  }
}
