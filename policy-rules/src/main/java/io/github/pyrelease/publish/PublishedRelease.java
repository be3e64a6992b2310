package io.github.pyrelease.publish;

import io.github.pyrelease.dist.FileDigests;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishStateFile;
import io.github.pyrelease.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a release whose publishing has begun. Once a stage published them they are the
 * release: a build in a later run (after an approval, after a failure) keeps them rather than
 * building files that may differ byte for byte and would then be refused as a stale build.
 */
public final class PublishedRelease {

  private PublishedRelease() {}

  /**
   * The files an earlier run of the publishing of {@code version} recorded in {@code outDir}'s
   * state file, when every one of them is still in {@code distDir} with the recorded sha256; empty
   * when there is no such record, it is of another version, or the files are not all there.
   *
   * @param version the version the project declares now, or {@code null} when it is computed at
   *     build time (then nothing is kept)
   */
  public static Optional<List<Path>> kept(Path outDir, Path distDir, String version) {
    if (version == null) {
      return Optional.empty();
    }
    Optional<PublishState> record = new PublishStateFile(outDir).read();
    if (record.isEmpty()
        || !record.get().publishedAnything()
        || !Version.same(record.get().version(), version)) {
      return Optional.empty();
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    for (PublishState.StageState stage : record.get().stages()) {
      stage.files().forEach(f -> recorded.putIfAbsent(f.file(), f.sha256()));
    }
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> file : recorded.entrySet()) {
      Path path = distDir.resolve(file.getKey());
      if (!Files.isRegularFile(path) || !FileDigests.of(path).sha256().equals(file.getValue())) {
        return Optional.empty();
      }
      files.add(path);
    }
    return Optional.of(List.copyOf(files));
  }
}
