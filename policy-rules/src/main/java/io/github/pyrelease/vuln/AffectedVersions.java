package io.github.pyrelease.vuln;

import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The versions of one package an OSV record affects: its explicit {@code versions} list (each kept
 * as {@link #key(String)} says) and its {@code ECOSYSTEM} ranges (each a list of events in the
 * record's order), evaluated with PEP 440 ordering as the OSV schema says. {@link #problem()} says
 * why the record cannot be evaluated for this package (a range event that is no PEP 440 version),
 * or is {@code null}.
 */
public final class AffectedVersions {

  /**
   * The listed versions, each between newlines: one string is read from the index at once and
   * searched by the processor's string search, where a list or set of thousands of strings (a
   * package with hundreds of advisories) would be built on every audit.
   */
  private final String listed;

  private List<String> versions;
  private final List<List<Event>> ranges;
  private final String problem;

  /** The ranges' events parsed and sorted once, when first matched. */
  private List<List<Parsed>> sorted;

  public AffectedVersions(List<String> versions, List<List<Event>> ranges, String problem) {
    // a newline is in no version, so a listed string holding one can match nothing
    this(
        "\n"
            + String.join(
                "\n", versions.stream().filter(v -> v.indexOf('\n') < 0).distinct().toList())
            + (versions.isEmpty() ? "" : "\n"),
        ranges,
        problem);
  }

  /** As the index keeps it: {@code listed} is the versions, each between newlines. */
  AffectedVersions(String listed, List<List<Event>> ranges, String problem) {
    this.listed = listed;
    this.ranges = ranges.stream().map(List::copyOf).toList();
    this.problem = problem;
  }

  public synchronized List<String> versions() {
    if (versions == null) {
      versions =
          listed.length() <= 1
              ? List.of()
              : List.of(listed.substring(1, listed.length() - 1).split("\n"));
    }
    return versions;
  }

  /** The versions, each between newlines, as the index keeps them. */
  String listedText() {
    return listed;
  }

  public List<List<Event>> ranges() {
    return ranges;
  }

  public String problem() {
    return problem;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AffectedVersions that
        && listed.equals(that.listed)
        && ranges.equals(that.ranges)
        && Objects.equals(problem, that.problem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(listed, ranges, problem);
  }

  @Override
  public String toString() {
    return "AffectedVersions[versions="
        + versions()
        + ", ranges="
        + ranges
        + ", problem="
        + problem
        + "]";
  }

  /** An event with its version parsed ({@code null} for "0" and "*"). */
  private record Parsed(Kind kind, Version version) {}

  /** The kinds of OSV range event. */
  public enum Kind {
    INTRODUCED,
    FIXED,
    LAST_AFFECTED,
    LIMIT
  }

  /**
   * One range event.
   *
   * @param kind what the event says
   * @param version the version as written ({@code "0"} for an introduced before all versions)
   */
  public record Event(Kind kind, String version) {

    public Event {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(version, "version");
    }

    boolean beforeAll() {
      return kind == Kind.INTRODUCED && version.equals("0");
    }

    /** The event's version; only called on evaluable records (their events all parse). */
    Version parsed() {
      return Version.parse(version);
    }
  }

  /**
   * Whether {@code version} is affected: listed, or inside a range.
   *
   * @param version the version, or empty when the audited version is no PEP 440 version (then only
   *     the list can say)
   * @param text the version as written
   */
  public boolean affects(Optional<Version> version, String text) {
    if (listed.contains("\n" + text + "\n")
        || version.isPresent() && listed.contains("\n" + version.get().canonical() + "\n")) {
      return true;
    }
    if (version.isEmpty() || problem != null) {
      return false;
    }
    for (List<Parsed> range : sorted()) {
      if (inRange(range, version.get())) {
        return true;
      }
    }
    return false;
  }

  /**
   * How a listed version is kept, so that equal versions match as one string ({@code 1.0} and
   * {@code 1.0.0}): packaging's canonical form; a version that is no PEP 440 version as written.
   */
  public static String key(String listed) {
    return Version.tryParse(listed).map(Version::canonical).orElse(listed);
  }

  private synchronized List<List<Parsed>> sorted() {
    if (sorted == null) {
      List<List<Parsed>> all = new ArrayList<>();
      for (List<Event> range : ranges) {
        List<Parsed> events = new ArrayList<>();
        for (Event event : range) {
          boolean special =
              event.beforeAll() || event.kind() == Kind.LIMIT && event.version().equals("*");
          events.add(new Parsed(event.kind(), special ? null : event.parsed()));
        }
        // "0" first, then by version; a stable sort keeps the record's order among equals
        events.sort(
            Comparator.comparing((Parsed e) -> e.version() != null || e.kind() == Kind.LIMIT)
                .thenComparing(
                    (a, b) ->
                        a.version() == null || b.version() == null
                            ? 0
                            : a.version().compareTo(b.version())));
        all.add(List.copyOf(events));
      }
      sorted = List.copyOf(all);
    }
    return sorted;
  }

  private static boolean inRange(List<Parsed> events, Version version) {
    boolean limited = false;
    boolean belowALimit = false;
    for (Parsed event : events) {
      if (event.kind() == Kind.LIMIT) {
        limited = true;
        belowALimit |= event.version() == null || version.compareTo(event.version()) < 0;
      }
    }
    if (limited && !belowALimit) {
      return false;
    }
    boolean vulnerable = false;
    for (Parsed event : events) {
      switch (event.kind()) {
        case INTRODUCED -> {
          if (event.version() == null || version.compareTo(event.version()) >= 0) {
            vulnerable = true;
          }
        }
        case FIXED -> {
          if (version.compareTo(event.version()) >= 0) {
            vulnerable = false;
          }
        }
        case LAST_AFFECTED -> {
          if (version.compareTo(event.version()) > 0) {
            vulnerable = false;
          }
        }
        case LIMIT -> {}
      }
    }
    return vulnerable;
  }

  /** The versions the ranges name as fixed, in PEP 440 order, each once. */
  public List<String> fixedVersions() {
    TreeSet<Version> fixed = new TreeSet<>();
    List<String> unparsed = new ArrayList<>();
    for (List<Event> range : ranges) {
      for (Event event : range) {
        if (event.kind() == Kind.FIXED) {
          Version.tryParse(event.version())
              .ifPresentOrElse(fixed::add, () -> unparsed.add(event.version()));
        }
      }
    }
    List<String> all = new ArrayList<>(fixed.stream().map(Version::toString).toList());
    unparsed.stream().filter(u -> !all.contains(u)).forEach(all::add);
    return all;
  }
}
