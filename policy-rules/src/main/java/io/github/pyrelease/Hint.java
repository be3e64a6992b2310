package io.github.pyrelease;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to fix a problem, in words and {@link Setting settings}: rendered for the front end that
 * shows it, so the command line never tells the user to pass {@code -Dpyrelease.force=true} and
 * Maven never says {@code --force}.
 */
public final class Hint {

  private final List<Object> parts;

  private Hint(List<Object> parts) {
    this.parts = parts;
  }

  /**
   * @param parts text ({@link String}), settings ({@link Setting.Use}) and other hints, in reading
   *     order
   */
  public static Hint of(Object... parts) {
    List<Object> flat = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Hint hint) {
        flat.addAll(hint.parts);
      } else if (part instanceof String || part instanceof Setting.Use) {
        flat.add(part);
      } else {
        throw new IllegalArgumentException("a hint holds text and settings, not " + part);
      }
    }
    return new Hint(List.copyOf(flat));
  }

  public String render(FrontEnd frontEnd) {
    return parts.stream()
        .map(p -> p instanceof Setting.Use use ? use.render(frontEnd) : (String) p)
        .collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return render(FrontEnd.MAVEN);
  }
}
