package io.github.pyrelease.publish;

import io.github.pyrelease.dist.ReleaseFile;
import java.util.List;
import java.util.Objects;

/**
 * What is released: the project's name and version as its distributions declare them, the files,
 * and the notes of the version from the changelog.
 *
 * @param project the distribution name as declared
 * @param version the normalised PEP 440 version
 * @param files the wheels and sdists, sdists first
 * @param title the heading of the version's changelog section without link brackets, or the project
 *     and version when there is none
 * @param notes the changelog section of the version (Markdown), or "" when there is none
 * @param prerelease whether the version is a pre-release (or a dev release)
 */
public record Release(
    String project,
    String version,
    List<ReleaseFile> files,
    String title,
    String notes,
    boolean prerelease) {

  public Release {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(version, "version");
    files = List.copyOf(files);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(notes, "notes");
  }

  /** The tag of this version under {@code format} ({@code {version}} and {@code {name}}). */
  public String tag(String format) {
    return format.replace("{version}", version).replace("{name}", project);
  }
}
