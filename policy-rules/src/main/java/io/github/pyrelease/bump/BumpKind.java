package io.github.pyrelease.bump;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which part of a PEP 440 version a bump moves; {@link VersionBump} defines each precisely. */
public enum BumpKind {
  MAJOR,
  MINOR,
  PATCH,
  PRE,
  POST,
  DEV,
  RELEASE;

  /** The name users type: {@code major}, {@code minor}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BumpKind> fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id().equals(id == null ? null : id.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** {@code major, minor, patch, pre, post, dev, release}. */
  public static String choices() {
    return Arrays.stream(values()).map(BumpKind::id).collect(Collectors.joining(", "));
  }
}
