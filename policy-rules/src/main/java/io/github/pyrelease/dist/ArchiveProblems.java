package io.github.pyrelease.dist;

/** The keys of {@link ArchiveProblem}s, shared by the readers and the rules that report them. */
public final class ArchiveProblems {

  /** The file cannot be opened as the archive its name says. */
  public static final String UNREADABLE = "unreadable";

  /** The archive ends before its last member does. */
  public static final String TRUNCATED = "truncated";

  /** Zip members share bytes: the shape of "overlapping" zip bombs. */
  public static final String OVERLAPPING = "overlapping-entries";

  /** Reading stopped at a safety limit (size, ratio, member count). */
  public static final String LIMIT = "limit";

  /** A member's content is corrupt (CRC mismatch, size differs from the header). */
  public static final String CORRUPT = "corrupt-entry";

  private ArchiveProblems() {}
}
