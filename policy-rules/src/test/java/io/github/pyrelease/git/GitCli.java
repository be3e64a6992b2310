package io.github.pyrelease.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command line, the oracle of the git facts: isolated from the user's and the
 * system's configuration (HOME and XDG_CONFIG_HOME point into the test's own directory), with a
 * local identity.
 */
public final class GitCli {

  private final Path home;

  public GitCli(Path home) {
    this.home = home;
  }

  /** Runs git in {@code dir} and returns its standard output; fails the test when git fails. */
  public String run(Path dir, String... args) {
    Result result = tryRun(dir, args);
    if (result.exit() != 0) {
      throw new AssertionError(
          "git " + String.join(" ", args) + " failed (" + result.exit() + "): " + result.err());
    }
    return result.out();
  }

  public Result tryRun(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-c");
    command.add("user.name=Test");
    command.add("-c");
    command.add("user.email=test@example.invalid");
    command.add("-c");
    command.add("init.defaultBranch=main");
    command.add("-c");
    command.add("commit.gpgSign=false");
    command.add("-c");
    command.add("tag.gpgSign=false");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("GIT_"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("LC_ALL", "C");
    try {
      Path out = Files.createTempFile(home, "git", ".out");
      Path err = Files.createTempFile(home, "git", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("git " + String.join(" ", args) + " timed out");
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new AssertionError("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A new repository at {@code dir} with branch main. */
  public Path init(Path dir) throws IOException {
    Files.createDirectories(dir);
    run(dir, "init", "-q", "-b", "main");
    return dir;
  }

  /** Writes {@code content} to {@code file} under {@code dir}, creating folders. */
  public static void write(Path dir, String file, String content) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  /** Writes, stages and commits one file. */
  public void commit(Path dir, String file, String content) throws IOException {
    write(dir, file, content);
    run(dir, "add", "--", file);
    run(dir, "commit", "-q", "-m", "change " + file);
  }

  public record Result(int exit, String out, String err) {}
}
