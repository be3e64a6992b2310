package io.github.pyrelease.credentials;

import java.util.Objects;

/**
 * A password or token. Its {@code toString} never shows the value, so a secret that ends up in a
 * log line, a report or an exception message by mistake shows as {@code ******}.
 */
public final class Secret {

  private static final String MASK = "******";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself: only for the one place that sends it (an HTTP header, a git push). */
  public String reveal() {
    return value;
  }

  /** {@code text} with every occurrence of this secret masked, for messages from servers. */
  public String maskIn(String text) {
    return text == null || value.isEmpty() ? text : text.replace(value, MASK);
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
