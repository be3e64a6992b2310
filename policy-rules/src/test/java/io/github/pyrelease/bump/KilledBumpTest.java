package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a bumping JVM with SIGKILL between file moves and proves that the tree ends all-old (after
 * the next run rolls the journal back) and that the next bump then ends all-new.
 */
class KilledBumpTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "killed after {0} of 3 files")
  @ValueSource(ints = {0, 1, 2, 3})
  void killedBumpEndsAllOldThenAllNew(int killAt) throws Exception {
    Path project = Projects.example(tmp.resolve("project"));
    Map<String, String> oldTree = Projects.hashes(project);
    Path reference = Projects.example(tmp.resolve("reference"));
    run(reference);
    Map<String, String> newTree = Projects.hashes(reference);

    Process child =
        new ProcessBuilder(
                javaExecutable(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledBumpMain.class.getName(),
                project.toString(),
                String.valueOf(killAt))
            .redirectErrorStream(true)
            .start();
    String line;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
      assertThat(line).isEqualTo("HOOK " + killAt + " of 3");
      child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

    Map<String, String> killed = withoutJournal(Projects.hashes(project));
    assertThat(project.resolve(".pyrelease-bump/manifest")).exists();
    assertThat(changedFiles(oldTree, killed)).hasSize(killAt);

    List<String> notes = new ArrayList<>();
    try (BumpPlan plan = ProjectBump.plan(request(project).withDryRun(false))) {
      notes.addAll(plan.notes());
      assertThat(Projects.hashes(project)).isEqualTo(oldTree); // rolled back before planning
      plan.execute(l -> {});
    }
    assertThat(notes.get(0))
        .isEqualTo(
            "rolled back an interrupted bump: restored "
                + killAt
                + " of 3 file(s) to their content before it");
    assertThat(Projects.hashes(project)).isEqualTo(newTree);
  }

  private static List<String> changedFiles(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream().filter(f -> !before.get(f).equals(after.get(f))).toList();
  }

  private static Map<String, String> withoutJournal(Map<String, String> hashes) {
    hashes.keySet().removeIf(f -> f.startsWith(".pyrelease-bump/"));
    return hashes;
  }

  private static BumpRequest request(Path project) {
    return BumpRequest.of(project, BumpKind.MINOR)
        .withClock(Projects.CLOCK)
        .withGit(false, false, false);
  }

  private static void run(Path project) {
    try (BumpPlan plan = ProjectBump.plan(request(project))) {
      plan.execute(l -> {});
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
