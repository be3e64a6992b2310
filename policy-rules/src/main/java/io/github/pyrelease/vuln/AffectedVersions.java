package io.github.pyrelease.vuln;

import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The versions of one package an OSV record affects: its explicit {@code versions} list and its
 * {@code ECOSYSTEM} ranges, evaluated with PEP 440 ordering as the OSV schema says.
 *
 * @param versions the listed versions, each as {@link #key(String)} keeps it
 * @param ranges the ECOSYSTEM (and SEMVER) ranges, each a list of events in the record's order
 * @param problem why the record cannot be evaluated for this package (a range event that is no PEP
 *     440 version), or {@code null}
 */
public record AffectedVersions(List<String> versions, List<List<Event>> ranges, String problem) {

  public AffectedVersions {
    versions = List.copyOf(versions);
    ranges = ranges.stream().map(List::copyOf).toList();
  }

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
    if (versions.contains(text) || version.isPresent() && versions.contains(key(version.get()))) {
      return true;
    }
    if (version.isEmpty() || problem != null) {
      return false;
    }
    for (List<Event> range : ranges) {
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
    return Version.tryParse(listed).map(AffectedVersions::key).orElse(listed);
  }

  private static String key(Version version) {
    return version.canonical();
  }

  private static boolean inRange(List<Event> events, Version version) {
    List<Event> limits = events.stream().filter(e -> e.kind() == Kind.LIMIT).toList();
    if (!limits.isEmpty()
        && limits.stream()
            .noneMatch(l -> l.version().equals("*") || version.compareTo(l.parsed()) < 0)) {
      return false;
    }
    List<Event> sorted = new ArrayList<>(events);
    sorted.removeIf(e -> e.kind() == Kind.LIMIT);
    // "0" first, then by version; a stable sort keeps the record's order among equals
    sorted.sort(
        Comparator.comparing((Event e) -> !e.beforeAll())
            .thenComparing((a, b) -> a.beforeAll() || b.beforeAll() ? 0 : compare(a, b)));
    boolean vulnerable = false;
    for (Event event : sorted) {
      switch (event.kind()) {
        case INTRODUCED -> {
          if (event.beforeAll() || version.compareTo(event.parsed()) >= 0) {
            vulnerable = true;
          }
        }
        case FIXED -> {
          if (version.compareTo(event.parsed()) >= 0) {
            vulnerable = false;
          }
        }
        case LAST_AFFECTED -> {
          if (version.compareTo(event.parsed()) > 0) {
            vulnerable = false;
          }
        }
        case LIMIT -> {}
      }
    }
    return vulnerable;
  }

  private static int compare(Event a, Event b) {
    return a.parsed().compareTo(b.parsed());
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
