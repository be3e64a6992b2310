package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Real git repositories for tests, checked with the git command line. Neither git nor JGit sees the
 * machine's global or system configuration: identities are set in each repository.
 */
final class GitSandbox {

  private static SystemReader previous;

  private GitSandbox() {}

  /** Makes JGit ignore the user's and the system's git configuration and GIT_* identity. */
  static void isolateJGit(Path emptyDir) {
    previous = SystemReader.getInstance();
    SystemReader.setInstance(
        new SystemReader.Delegate(previous) {
          @Override
          public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, emptyDir.resolve("user.gitconfig").toFile(), fs);
          }

          @Override
          public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, emptyDir.resolve("system.gitconfig").toFile(), fs);
          }

          @Override
          public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, emptyDir.resolve("jgit.config").toFile(), fs);
          }

          @Override
          public String getenv(String variable) {
            return variable.startsWith("GIT_") ? null : super.getenv(variable);
          }
        });
  }

  static void restoreJGit() {
    if (previous != null) {
      SystemReader.setInstance(previous);
    }
  }

  /** Runs git in {@code dir} and returns its standard output; fails the test on a non-zero exit. */
  static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("GIT_"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("HOME", dir.toString());
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      assertThat(code).as("git %s in %s: %s", String.join(" ", args), dir, output).isZero();
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A repository on branch main with a local identity. */
  static void init(Path dir) throws IOException {
    Files.createDirectories(dir);
    git(dir, "init", "-q", "-b", "main");
    git(dir, "config", "user.name", "Test Releaser");
    git(dir, "config", "user.email", "releaser@example.test");
    git(dir, "config", "commit.gpgsign", "false");
  }

  /** Commits everything in {@code dir}'s repository. */
  static void commitAll(Path dir, String message) {
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", message);
  }

  /** A bare repository as {@code origin}, with main pushed and tracked. */
  static Path addOrigin(Path repo, Path bare) {
    git(repo.getParent(), "init", "-q", "--bare", "-b", "main", bare.toString());
    git(repo, "remote", "add", "origin", bare.toString());
    git(repo, "push", "-q", "-u", "origin", "main");
    return bare;
  }
}
