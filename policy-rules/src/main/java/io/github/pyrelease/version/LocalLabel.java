package io.github.pyrelease.version;

/**
 * A normalised local version label (the part after {@code +}): lower case, segments joined by
 * {@code .}, numeric segments without leading zeros. Orders as PEP 440 says: segment by segment, a
 * numeric segment above any alphanumeric one, numbers by value, others lexicographically, and a
 * shorter label first when it is a prefix of the longer.
 */
final class LocalLabel implements Comparable<LocalLabel> {

  private final String text;
  private final String[] segments;

  /**
   * @param normalised a label already in normal form (the scanner makes it)
   */
  LocalLabel(String normalised) {
    this.text = normalised;
    this.segments = normalised.split("\\.", -1);
  }

  @Override
  public int compareTo(LocalLabel other) {
    int shared = Math.min(segments.length, other.segments.length);
    for (int i = 0; i < shared; i++) {
      int bySegment = compareSegments(segments[i], other.segments[i]);
      if (bySegment != 0) {
        return bySegment;
      }
    }
    return Integer.compare(segments.length, other.segments.length);
  }

  private static int compareSegments(String a, String b) {
    boolean aNumeric = isNumeric(a);
    boolean bNumeric = isNumeric(b);
    if (aNumeric != bNumeric) {
      return aNumeric ? 1 : -1;
    }
    if (aNumeric && a.length() != b.length()) {
      // Without leading zeros, the longer number is the larger.
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      if (segment.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LocalLabel label && text.equals(label.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The normalised label, such as {@code ubuntu.1}. */
  @Override
  public String toString() {
    return text;
  }
}
