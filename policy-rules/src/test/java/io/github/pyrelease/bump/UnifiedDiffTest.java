package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff is compared with GNU diff -u (the same minimal number of changed lines) and applied with
 * GNU patch (it must turn the old text into the new), the real peers, on generated edits.
 */
class UnifiedDiffTest {

  @TempDir Path dir;

  @Test
  void hunksMatchGnuDiff() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 60; round++) {
      StringBuilder before = new StringBuilder();
      int lines = 1 + random.nextInt(60);
      for (int i = 0; i < lines; i++) {
        before.append("line ").append(random.nextInt(8)).append('\n');
      }
      String[] split = before.toString().split("\n", -1);
      StringBuilder after = new StringBuilder();
      for (int i = 0; i < split.length - 1; i++) {
        int dice = random.nextInt(12);
        if (dice == 0) {
          continue; // delete
        }
        if (dice == 1) {
          after.append("inserted ").append(i).append('\n');
        }
        after.append(dice == 2 ? "changed " + i : split[i]).append('\n');
      }
      String ours = UnifiedDiff.of("f", before.toString(), after.toString());
      String gnu = gnuDiff(before.toString(), after.toString());
      // both are minimal edit scripts: the same number of removed and added lines
      assertThat(changes(ours)).as("round %d", round).isEqualTo(changes(gnu));
      if (hunkCount(ours) == 0) {
        assertThat(after.toString()).isEqualTo(before.toString());
      } else {
        assertThat(applyPatch(before.toString(), ours))
            .as("round %d", round)
            .isEqualTo(after.toString());
      }
    }
  }

  @Test
  void missingFinalNewlineAndCrlfAreShown() {
    String diff = UnifiedDiff.of("v", "a\r\n1.0", "a\r\n1.1");
    assertThat(diff)
        .isEqualTo(
            "--- a/v\n+++ b/v\n@@ -1,2 +1,2 @@\n a\u240D\n-1.0\n\\ No newline at end of file\n+1.1\n\\ No newline at end of file\n");
  }

  private static String changes(String diff) {
    long removed = diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count();
    long added = diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count();
    return "-" + removed + " +" + added;
  }

  private static long hunkCount(String diff) {
    return diff.lines().filter(l -> l.startsWith("@@")).count();
  }

  private String gnuDiff(String before, String after) throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.writeString(a, before);
    Files.writeString(b, after);
    Process p = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  /** Applies our patch with the real patch tool. */
  private String applyPatch(String before, String diff) throws Exception {
    Path f = dir.resolve("f");
    Files.writeString(f, before);
    Path patch = dir.resolve("p.diff");
    Files.writeString(patch, diff);
    Process p =
        new ProcessBuilder("patch", "-s", "-p1", "-i", patch.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out + diff).isZero();
    return Files.readString(f);
  }
}
