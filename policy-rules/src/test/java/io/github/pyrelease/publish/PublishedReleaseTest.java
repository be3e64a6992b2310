package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedReleaseTest {

  @TempDir Path dir;

  private Path dist;
  private Path out;
  private List<ReleaseFile> files;

  @BeforeEach
  void publishToOneStage() throws IOException {
    dist = Files.createDirectories(dir.resolve("dist"));
    out = dir.resolve("out");
    new Archives.Wheel("acme-widgets", "1.4.0").write(dist);
    Files.write(
        dist.resolve("acme_widgets-1.4.0.tar.gz"),
        Archives.tarGz(
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0"))));
    files = ReleaseFiles.read(dist);
    PublishState state = new PublishState("acme-widgets", "1.4.0");
    PublishState.StageState stage =
        state.stageFor("testpypi", "index", "https://test.pypi.org/legacy/");
    files.forEach(
        f ->
            stage.recordFile(
                new PublishState.FileState(
                    f.fileName(), f.sha256(), f.size(), "uploaded", null, "2026-12-01T10:00:00Z")));
    new PublishStateFile(out).write(state);
  }

  @Test
  void theFilesAStagePublishedAreKeptForTheSameVersion() {
    assertThat(PublishedRelease.kept(out, dist, "1.4.0"))
        .contains(files.stream().map(ReleaseFile::path).toList());
    assertThat(PublishedRelease.kept(out, dist, "1.4.0.0")).isPresent();
  }

  @Test
  void anotherVersionOrAComputedOneKeepsNothing() {
    assertThat(PublishedRelease.kept(out, dist, "1.5.0")).isEmpty();
    assertThat(PublishedRelease.kept(out, dist, null)).isEmpty();
  }

  @Test
  void aFileThatChangedOrWentAwayKeepsNothing() throws IOException {
    Files.write(files.get(1).path(), new byte[] {1, 2, 3});
    assertThat(PublishedRelease.kept(out, dist, "1.4.0")).isEmpty();
    Files.delete(files.get(1).path());
    assertThat(PublishedRelease.kept(out, dist, "1.4.0")).isEmpty();
  }

  @Test
  void withoutARecordNothingIsKept() {
    assertThat(PublishedRelease.kept(dir.resolve("elsewhere"), dist, "1.4.0")).isEmpty();
  }
}
