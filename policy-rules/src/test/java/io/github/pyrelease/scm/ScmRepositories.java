package io.github.pyrelease.scm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Generates git repositories with the real {@code git}: commits a minute apart, lightweight and
 * annotated tags of many shapes, branches merged back, detached heads, dirty, staged and untracked
 * files. Isolated from the user's configuration.
 */
final class ScmRepositories {

  /** Tag shapes: {@code %d} is a number that grows, so each name is new. */
  static final List<String> TAG_SHAPES =
      List.of(
          "%d.0",
          "v%d.2.3",
          "%d.0.0rc1",
          "%d.5.0.dev0",
          "%d.1.post2",
          "release-%d.0",
          "proj-v0.%d",
          "V%d",
          "%d.0+build7",
          "build%d",
          "nodigits-%d",
          "%d.0.0-beta.2",
          "%d.3.dev4",
          "0.%da1",
          "%d.2.3.4");

  private final Path home;
  private long time = 1_700_000_000L;

  ScmRepositories(Path home) {
    this.home = home;
  }

  Map<String, String> environment() {
    return Map.of(
        "HOME",
        home.toString(),
        "XDG_CONFIG_HOME",
        home.resolve(".config").toString(),
        "GIT_CONFIG_NOSYSTEM",
        "1",
        "LC_ALL",
        "C");
  }

  String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c"));
    command.addAll(
        List.of(
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgSign=false",
            "-c",
            "tag.gpgSign=false",
            "-c",
            "init.defaultBranch=main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    builder.environment().putAll(environment());
    String date = "@" + time + " +0000";
    builder.environment().put("GIT_COMMITTER_DATE", date);
    builder.environment().put("GIT_AUTHOR_DATE", date);
    try {
      Path out = Files.createTempFile(home, "git", ".out");
      Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("git " + String.join(" ", args) + " timed out");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      Files.delete(out);
      if (process.exitValue() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed: " + text);
      }
      return text.strip();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void commit(Path dir, String file, String content) throws IOException {
    time += 60;
    Files.writeString(dir.resolve(file), content);
    git(dir, "add", "--", file);
    git(dir, "commit", "-q", "-m", "change " + file);
  }

  /** A random history in {@code dir}: what was done, one line per step, for the failure message. */
  List<String> randomHistory(Path dir, Random random, String pyproject) throws IOException {
    List<String> steps = new ArrayList<>();
    Files.createDirectories(dir);
    git(dir, "init", "-q", "-b", "main");
    Files.writeString(dir.resolve("pyproject.toml"), pyproject);
    if (random.nextInt(25) == 0) {
      steps.add("no commits");
      if (random.nextBoolean()) {
        git(dir, "add", "pyproject.toml");
        steps.add("staged pyproject.toml");
      }
      return steps;
    }
    git(dir, "add", "pyproject.toml");
    commit(dir, "a.txt", "0");
    int number = 1 + random.nextInt(5);
    int commits = 1 + random.nextInt(10);
    for (int i = 1; i <= commits; i++) {
      int what = random.nextInt(10);
      if (what < 3) {
        String shape = TAG_SHAPES.get(random.nextInt(TAG_SHAPES.size()));
        String tag = String.format(java.util.Locale.ROOT, shape, number++);
        time += 1;
        if (random.nextBoolean()) {
          git(dir, "tag", "-a", "-m", "release " + tag, tag);
          steps.add("annotated tag " + tag);
        } else {
          git(dir, "tag", tag);
          steps.add("tag " + tag);
        }
      } else if (what == 3) {
        String branch = random.nextBoolean() ? "feature/x" + i : "release/" + number + ".0";
        git(dir, "checkout", "-q", "-B", branch);
        commit(dir, "b" + i + ".txt", "side " + i);
        if (random.nextBoolean()) {
          time += 1;
          git(dir, "tag", "side-" + number + "." + i);
          steps.add("tag side-" + number + "." + i + " on " + branch);
        }
        git(dir, "checkout", "-q", "main");
        commit(dir, "a.txt", "main " + i);
        time += 60;
        git(dir, "merge", "-q", "--no-ff", "-m", "merge " + branch, branch);
        steps.add("branch " + branch + " merged");
      } else {
        commit(dir, "a.txt", "commit " + i);
        steps.add("commit");
      }
    }
    int end = random.nextInt(10);
    if (end == 0) {
      git(dir, "checkout", "-q", "--detach");
      steps.add("detached HEAD");
    } else if (end == 1) {
      String branch = random.nextBoolean() ? "feature/y" : "release/" + (number - 1) + ".0";
      git(dir, "checkout", "-q", "-B", branch);
      commit(dir, "c.txt", "on " + branch);
      steps.add("on branch " + branch + " with a commit");
    }
    int state = random.nextInt(6);
    if (state == 0) {
      Files.writeString(dir.resolve("a.txt"), "dirty");
      steps.add("a.txt modified");
    } else if (state == 1) {
      Files.writeString(dir.resolve("a.txt"), "staged");
      git(dir, "add", "a.txt");
      steps.add("a.txt staged");
    } else if (state == 2) {
      Files.writeString(dir.resolve("untracked.txt"), "new");
      steps.add("untracked file");
    }
    return steps;
  }
}
