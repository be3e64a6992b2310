package io.github.pyrelease.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.FileDigests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA256SUMS as GNU coreutils' sha256sum writes and checks it. */
class Sha256SumsTest {

  @TempDir Path dir;

  private record Run(int exit, String output) {}

  private Run sha256sum(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sha256sum"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  private Map<String, String> files(String... names) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    for (String name : names) {
      Files.writeString(dir.resolve(name), "content of " + name);
      sums.put(name, FileDigests.of(dir.resolve(name)).sha256());
    }
    return sums;
  }

  @Test
  void sha256sumWritesTheSameTextAndItsCheckAcceptsIt() throws Exception {
    String[] names = {
      "acme-1.0.tar.gz", "acme-1.0-py3-none-any.whl", "acme-1.0+local.7-cp312-abi3-linux_x86_64.whl"
    };
    String text = Sha256Sums.of(files(names));
    Files.writeString(dir.resolve("SHA256SUMS"), text);

    // the same bytes sha256sum itself prints for the files in name order
    List<String> sorted = new ArrayList<>(List.of(names));
    sorted.sort(null);
    assertThat(sha256sum(sorted.toArray(String[]::new)).output()).isEqualTo(text);
    assertThat(text.lines().toList())
        .extracting(line -> line.substring(66))
        .containsExactly(sorted.toArray(String[]::new));
    Run check = sha256sum("--check", "--strict", "SHA256SUMS");
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output().lines()).hasSize(3).allMatch(line -> line.endsWith(": OK"));
  }

  @Test
  void sha256sumsCheckFailsWhenAFileChanged() throws Exception {
    Files.writeString(dir.resolve("SHA256SUMS"), Sha256Sums.of(files("a.whl", "b.tar.gz")));
    Files.writeString(dir.resolve("b.tar.gz"), "tampered");

    Run check = sha256sum("--check", "SHA256SUMS");

    assertThat(check.exit()).isNotZero();
    assertThat(check.output()).contains("b.tar.gz: FAILED").contains("a.whl: OK");
  }

  @Test
  void namesSha256sumWouldEscapeAndBadDigestsAreRefused() {
    String sha = "a".repeat(64);
    assertThatThrownBy(() -> Sha256Sums.of(Map.of("a\nb.whl", sha)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("cannot go in SHA256SUMS");
    assertThatThrownBy(() -> Sha256Sums.of(Map.of("a\\b.whl", sha)))
        .isInstanceOf(PyreleaseException.class);
    assertThatThrownBy(() -> Sha256Sums.of(Map.of("a.whl", "ABC")))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("not 64 lower-case hex digits");
  }
}
