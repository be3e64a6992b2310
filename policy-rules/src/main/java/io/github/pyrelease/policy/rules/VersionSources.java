package io.github.pyrelease.policy.rules;

import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.SourceKind;
import io.github.pyrelease.project.VersionSource;
import java.util.List;
import java.util.stream.Collectors;

/** What the version rules share about a project's version sources. */
final class VersionSources {

  private VersionSources() {}

  static List<VersionSource> literal(PythonProject project) {
    return project.versionSources().stream().filter(VersionSource::isLiteral).toList();
  }

  /** Why there is no literal version to check: the version is computed from git tags. */
  static String noLiteralReason(PythonProject project) {
    String tools =
        project.versionSources().stream()
            .filter(s -> s.kind() == SourceKind.VCS)
            .map(VersionSource::label)
            .distinct()
            .collect(Collectors.joining(", "));
    return tools.isEmpty()
        ? "the project declares no literal version"
        : "the version is computed from git tags (" + tools + "); no literal version to check";
  }

  /** "the version source", "both version sources" or "all 3 version sources". */
  static String all(int count) {
    return switch (count) {
      case 1 -> "the version source";
      case 2 -> "both version sources";
      default -> "all " + count + " version sources";
    };
  }

  static Evidence evidence(VersionSource source) {
    return new Evidence(
        source.file(), source.line(), source.label() + " = '" + source.text() + "'");
  }
}
