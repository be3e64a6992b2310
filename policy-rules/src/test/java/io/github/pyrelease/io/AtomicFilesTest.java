package io.github.pyrelease.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesAndReplacesLeavingNoTemporaryFile() throws Exception {
    Path target = dir.resolve("out/report.txt");

    AtomicFiles.writeString(target, "first");
    AtomicFiles.writeString(target, "second ✓");

    assertThat(target).hasContent("second ✓");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFailureNamesTheFileAndLeavesTheOldContent() throws Exception {
    Path target = dir.resolve("report.txt");
    Files.writeString(target, "old");
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where a directory should be");

    assertThatThrownBy(() -> AtomicFiles.writeString(blocked.resolve("report.txt"), "new"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("cannot write " + blocked.resolve("report.txt"));
    assertThat(target).hasContent("old");
  }
}
