package io.github.pyrelease.index;

import java.util.Locale;
import java.util.regex.Pattern;

/** Python distribution names as PEP 503 and the packaging "names and normalization" spec say. */
public final class ProjectNames {

  private static final Pattern VALID =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\\z", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  private ProjectNames() {}

  public static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }

  /** Lower case, every run of {@code -}, {@code _} and {@code .} made one {@code -}. */
  public static String normalize(String name) {
    return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
  }
}
