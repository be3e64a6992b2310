package io.github.pyrelease.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {

  @TempDir Path dir;

  @Test
  void readMergeWriteUnderTheLockLosesNoUpdateFromParallelWriters() throws Exception {
    Path site = dir.resolve("site");
    Path list = site.resolve("list.txt");
    int writers = 8;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                start.await();
                append(site, String.valueOf(writer), rounds);
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(Files.readAllLines(list)).hasSize(writers * rounds).doesNotHaveDuplicates();
  }

  @Test
  void theLockFileSitsBesideTheFolderSoThePublishedFolderHoldsOnlyItsPages() {
    Path site = dir.resolve("pages");

    try (FolderLock lock = FolderLock.acquire(site)) {
      assertThat(site).isEmptyDirectory();
      assertThat(dir.resolve(".pages.pyrelease.lock")).isRegularFile();
    }
  }

  /** {@code rounds} times: reads the list, adds a line, replaces it, under the folder's lock. */
  static void append(Path site, String writer, int rounds) throws Exception {
    Path list = site.resolve("list.txt");
    for (int r = 0; r < rounds; r++) {
      try (FolderLock lock = FolderLock.acquire(site)) {
        String old = Files.exists(list) ? Files.readString(list) : "";
        Thread.yield(); // widen the window a lost update needs
        AtomicFiles.writeString(list, old + writer + "-" + r + "\n");
      }
    }
  }

  @Test
  void writersInTwoProcessesLoseNoUpdate() throws Exception {
    Path site = dir.resolve("shared");
    int rounds = 300;
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FolderLockChild.class.getName(),
                site.toString(),
                "child",
                String.valueOf(rounds))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertThat(new String(child.getInputStream().readNBytes(6))).isEqualTo("ready\n");
    child.getOutputStream().write('\n');
    child.getOutputStream().flush();

    append(site, "parent", rounds);

    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(Files.readAllLines(site.resolve("list.txt")))
        .hasSize(2 * rounds)
        .doesNotHaveDuplicates();
  }
}
