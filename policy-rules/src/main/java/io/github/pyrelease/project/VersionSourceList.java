package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects version sources without duplicates and orders them: the primary source first, then by
 * file (pyproject.toml, setup.cfg, .bumpversion.toml, .bumpversion.cfg, then every other file in
 * path order), then by line and column. A place (file and line) is reported once, with the label of
 * the first source added for it, so sources found through configuration keep their label when a
 * module scan finds them again.
 */
final class VersionSourceList {

  private static final List<String> FILE_ORDER =
      List.of(
          Pyproject.FILE,
          SetupCfg.FILE,
          BumpversionConfigReader.TOML_FILE,
          BumpversionConfigReader.CFG_FILE);

  private static final Comparator<VersionSource> ORDER =
      Comparator.comparing((VersionSource s) -> !s.primary())
          .thenComparing(VersionSourceList::fileRank)
          .thenComparing(VersionSource::file)
          .thenComparingInt(VersionSource::line)
          .thenComparingInt(VersionSource::column);

  private final Map<String, VersionSource> byPlace = new LinkedHashMap<>();

  void add(VersionSource source) {
    // git-derived sources have no text of their own: two tools may share a configuration line
    String place =
        source.file()
            + ":"
            + source.line()
            + (source.kind() == SourceKind.VCS ? ":" + source.label() : "");
    byPlace.putIfAbsent(place, source);
  }

  void addAll(Collection<VersionSource> sources) {
    sources.forEach(this::add);
  }

  boolean isEmpty() {
    return byPlace.isEmpty();
  }

  /** The sources in insertion order. */
  List<VersionSource> all() {
    return List.copyOf(byPlace.values());
  }

  List<VersionSource> ordered() {
    List<VersionSource> ordered = new ArrayList<>(byPlace.values());
    ordered.sort(ORDER);
    return ordered;
  }

  private static int fileRank(VersionSource source) {
    int rank = FILE_ORDER.indexOf(source.file());
    return rank < 0 ? FILE_ORDER.size() : rank;
  }
}
