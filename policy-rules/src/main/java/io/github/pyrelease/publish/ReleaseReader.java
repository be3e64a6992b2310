package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.index.ProjectNames;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a release publishes: the distributions in the dist directory, which must all be of the
 * project and of one version, and that version's changelog notes.
 */
public final class ReleaseReader {

  private ReleaseReader() {}

  /**
   * @throws PyreleaseException when there is nothing to publish, or the files disagree with each
   *     other or with the project
   */
  public static Release read(Path distDir, PythonProject project) {
    List<ReleaseFile> files = ReleaseFiles.read(distDir);
    String names =
        files.stream()
            .map(f -> ProjectNames.normalize(f.name()))
            .distinct()
            .collect(Collectors.joining(", "));
    String versions =
        files.stream()
            .map(f -> Version.tryParse(f.version()).map(Version::toString).orElse(f.version()))
            .distinct()
            .collect(Collectors.joining(", "));
    if (names.contains(", ") || versions.contains(", ")) {
      throw new PyreleaseException(
          distDir
              + " holds distributions of more than one release ("
              + names
              + "; "
              + versions
              + ")",
          distDir.toString(),
          "build again into an empty directory (mvn clean package, or pyrelease build --clean)");
    }
    ReleaseFile first = files.get(0);
    Version version =
        Version.tryParse(first.version())
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        first.fileName()
                            + " declares the version '"
                            + first.version()
                            + "', which is not PEP 440",
                        first.path().toString(),
                        "fix the project's version; pyrelease:check says where it is"));
    if (project.name() != null && !ProjectNames.normalize(project.name()).equals(names)) {
      throw new PyreleaseException(
          "the distributions in "
              + distDir
              + " are of '"
              + first.name()
              + "', the project is '"
              + project.name()
              + "'",
          distDir.toString(),
          "build the project again into an empty directory (mvn clean package)");
    }
    // a version computed from git tags counts too: the work tree's, as a build computes it now
    Optional<VersionSource> source = project.declaredSource();
    Optional<Version> declared = source.flatMap(s -> Version.tryParse(s.text()));
    if (declared.isPresent() && !declared.get().equals(version)) {
      throw new PyreleaseException(
          "the distributions in "
              + distDir
              + " are of version "
              + version
              + ", the project's version is "
              + declared.get()
              + " ("
              + source.get().location()
              + ", "
              + source.get().label()
              + ")",
          distDir.toString(),
          "build the project again (mvn clean package) so the files carry its version");
    }
    String title =
        project.changelog() == null
            ? null
            : ReleaseNotes.title(project.changelog(), version.toString()).orElse(null);
    return new Release(
        first.name(),
        version.toString(),
        files,
        title != null ? title : first.name() + " " + version,
        notes(project, version.toString()),
        version.isPreRelease() || version.isDevRelease());
  }

  private static String notes(PythonProject project, String version) {
    if (project.changelog() == null) {
      return "";
    }
    Path file = project.root().resolve(project.changelog().file());
    try {
      List<String> lines =
          List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n", -1));
      return ReleaseNotes.of(project.changelog(), lines, version);
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + file + ": " + e.getMessage(),
          file.toString(),
          "check that it is readable");
    }
  }
}
