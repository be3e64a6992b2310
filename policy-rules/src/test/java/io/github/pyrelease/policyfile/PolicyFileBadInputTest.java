package io.github.pyrelease.policyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pyrelease.PyreleaseException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile, truncated, huge and malformed policy files: each a clear error, never a hang. */
@Timeout(30)
class PolicyFileBadInputTest {

  @TempDir Path dir;

  private PolicyFileException refused(String yaml) {
    PolicyFiles.write(dir, "release-policy.yaml", yaml);
    return refusedFile();
  }

  private PolicyFileException refusedFile() {
    Throwable thrown =
        catchThrowable(() -> PolicyFiles.loader(dir.resolve("cache")).load(null, dir, dir));
    assertThat(thrown).isInstanceOf(PolicyFileException.class);
    return (PolicyFileException) thrown;
  }

  @Test
  void anEmptyFileOrOneWithOnlyCommentsIsAnError() {
    for (String yaml : new String[] {"", "\n\n", "# nothing yet\n", "---\n"}) {
      PolicyFileException e = refused(yaml);

      assertThat(e.getMessage()).as(yaml).isEqualTo("release-policy.yaml is empty");
      assertThat(e.fix()).contains("built-in default policy");
    }
  }

  @Test
  void aTopLevelThatIsNotAMapSaysWhatItIs() {
    assertThat(refused("- version-pep440\n- changelog-entry\n").getMessage())
        .isEqualTo(
            "the top level of release-policy.yaml must be a map with the keys extends, rules,"
                + " unavailable, publish, environment, but it is a list");
    assertThat(refused("just some text\n").getMessage())
        .endsWith("but it is the string 'just some text'");
    assertThat(refused("null\n").getMessage()).isEqualTo("release-policy.yaml is empty");
  }

  @Test
  void tabsForIndentationNameTheLineAndColumn() {
    PolicyFileException e = refused("rules:\n\tversion-pep440: error\n");

    assertThat(e.where()).isEqualTo("release-policy.yaml:2:1");
    assertThat(e.getMessage())
        .isEqualTo("release-policy.yaml uses a tab for indentation; YAML allows only spaces there");
  }

  @Test
  void duplicateKeysAreRefusedAtTheirSecondPlace() {
    PolicyFileException e =
        refused("rules:\n  version-pep440: error\n  version-pep440: off\nrules: {}\n");

    assertThat(e.problems())
        .extracting(p -> p.where() + " " + p.message())
        .containsExactly(
            "release-policy.yaml:3:3 'version-pep440' appears twice in the same map (first at line"
                + " 2)",
            "release-policy.yaml:4:1 'rules' appears twice in the same map (first at line 1)");
  }

  @Test
  void billionLaughsIsRefusedBeforeItExpands() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    yaml.append("rules:\n  options-rule: { allow: *a29 }\n");

    assertThat(refused(yaml.toString()).getMessage())
        .contains("uses more than 50 aliases (*name) of lists or maps");
  }

  @Test
  void aliasesThatStayWithinTheLimitsStillCannotExpandWithoutBound() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [");
    yaml.append("x, ".repeat(2000)).append("x]\n");
    for (int i = 1; i < 6; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      yaml.append(("*a" + (i - 1) + ", ").repeat(7)).append("*a").append(i - 1).append("]\n");
    }
    yaml.append("rules:\n  options-rule: { allow: *a5 }\n");

    assertThat(refused(yaml.toString()).getMessage())
        .contains("expands to more than 100000 values");
  }

  @Test
  void aRecursiveAliasIsRefused() {
    assertThat(refused("rules:\n  options-rule: &x { allow: [*x] }\n").getMessage())
        .isEqualTo(
            "an alias refers to a list or map that contains it: the value would be infinite");
  }

  @Test
  void aFiftyMegabytePolicyIsRefusedBySizeWithoutReadingIt() throws Exception {
    Path file = dir.resolve("release-policy.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(50L * 1024 * 1024);
    }

    assertThat(refusedFile().getMessage())
        .isEqualTo(
            "release-policy.yaml is 52428800 bytes; a policy file may have at most 1048576 bytes"
                + " (1 MiB)");
  }

  @Test
  void twoDocumentsInOneFileAreRefused() {
    assertThat(refused("rules: {}\n---\nrules: {}\n").getMessage())
        .isEqualTo("release-policy.yaml holds more than one YAML document (a second '---')");
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws Exception {
    Files.write(dir.resolve("release-policy.yaml"), new byte[] {'r', 'u', (byte) 0xC3, '(', '\n'});

    assertThat(refusedFile().getMessage()).isEqualTo("release-policy.yaml is not UTF-8 text");
  }

  @Test
  void tagsThatCouldConstructObjectsAreRefused() {
    assertThat(refused("rules:\n  options-rule: { name: !!java.lang.Runtime x }\n").getMessage())
        .startsWith("the tag tag:yaml.org,2002:java.lang.Runtime is not allowed in a policy");
  }

  @Test
  void aDirectoryNamedAsThePolicyIsAnError() throws Exception {
    Files.createDirectories(dir.resolve("policies"));

    assertThatThrownBy(() -> PolicyFiles.loader(dir).load("policies", dir, dir))
        .hasMessage("policies is a directory, not a policy file");
  }

  @Test
  void unclosedBracketsNameWhereTheParserGaveUp() {
    PolicyFileException e = refused("rules:\n  options-rule: { allow: [main, dev }\n");

    assertThat(e.where()).startsWith("release-policy.yaml:2:");
    assertThat(e.getMessage()).startsWith("release-policy.yaml is not valid YAML: ");
  }

  @Test
  void everyTruncationOfAValidPolicyLoadsOrFailsWithAPolicyError() {
    String valid =
        """
        extends: [base.yaml]
        unavailable: warning
        rules:
          version-pep440: error
          changelog-entry: { level: warning, file: "CHANGES.md" }
          options-rule:
            allow: [main, 'release/*']
            ignore:
              - { id: "a:1", until: 2030-01-01, reason: "because" }
        publish:
          - { name: pypi, type: index }
        """;
    PolicyFiles.write(dir, "base.yaml", "rules: {}\n");
    Random random = new Random(42);
    for (int cut = 0; cut <= valid.length(); cut++) {
      String text = valid.substring(0, cut);
      if (random.nextInt(4) == 0 && !text.isEmpty()) {
        text =
            text.substring(0, text.length() - 1)
                + "\u0000{[:&*!|>'\"%@`".charAt(random.nextInt(14));
      }
      PolicyFiles.write(dir, "release-policy.yaml", text);
      Throwable thrown =
          catchThrowable(() -> PolicyFiles.loader(dir.resolve("cache")).load(null, dir, dir));

      assertThat(thrown == null || thrown instanceof PyreleaseException)
          .as("cut at %d: %s", cut, thrown)
          .isTrue();
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      okhttp3.OkHttpClient client =
          new okhttp3.OkHttpClient.Builder()
              .readTimeout(Duration.ofMillis(300))
              .callTimeout(Duration.ofSeconds(2))
              .build();
      RemotePolicies remote =
          new RemotePolicies(dir.resolve("cache"), false, client, Duration.ofMillis(1));
      PolicyFiles.write(
          dir,
          "release-policy.yaml",
          "extends: http://127.0.0.1:"
              + socket.getLocalPort()
              + "/p.yaml#sha256="
              + "0".repeat(64)
              + "\n");

      Throwable thrown =
          catchThrowable(
              () -> PolicyFiles.loader(getClass().getClassLoader(), remote).load(null, dir, dir));

      assertThat(thrown)
          .isInstanceOf(PolicyFileException.class)
          .hasMessageContaining("after 3 attempts");
    }
  }
}
