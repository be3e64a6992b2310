package io.github.pyrelease.policy.rules;

import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.ChangelogSection;
import io.github.pyrelease.version.Version;
import java.util.Optional;

/**
 * The heading a changelog would give a new section, written in the style of its newest release
 * section ({@code Version 8.4.0} gives {@code Version 8.5.0}), or Keep a Changelog's when it has
 * none: a fix names the section a project would really write, never one for {@code 8.5.0.dev0}.
 */
final class SectionStyle {

  private final ChangelogSection newest;
  private final String marks;

  private SectionStyle(ChangelogSection newest, String marks) {
    this.newest = newest;
    this.marks = marks;
  }

  static SectionStyle of(Changelog changelog) {
    Optional<ChangelogSection> newest =
        changelog.sections().stream().filter(s -> !s.isUnreleased()).findFirst();
    boolean markdown = changelog.file().toLowerCase(java.util.Locale.ROOT).endsWith(".md");
    return new SectionStyle(newest.orElse(null), markdown ? "## " : "");
  }

  /** A section for the release {@code version}: {@code '## [1.2.0] - <date>'} or the like. */
  String released(Version version) {
    if (newest == null) {
      return "## [" + version + "] - <date>";
    }
    String heading = marks + newest.heading().replace(newest.version(), version.toString());
    return newest.date() != null && heading.contains(newest.date())
        ? heading.replace(newest.date(), "<date>")
        : heading;
  }

  /** The phrase naming a section for {@code release}'s changes, marked unreleased. */
  String unreleasedSection(Version release) {
    if (newest == null || newest.heading().startsWith("[")) {
      return "a section '## [Unreleased]'";
    }
    String heading = marks + newest.heading().replace(newest.version(), release.toString());
    if (newest.date() != null && heading.contains(newest.date())) {
      return "a section headed '" + heading.replace(newest.date(), "Unreleased") + "'";
    }
    return "a section headed '" + heading + "' with a line 'Unreleased' under it";
  }
}
