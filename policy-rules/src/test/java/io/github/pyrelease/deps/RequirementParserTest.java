package io.github.pyrelease.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementParserTest {

  @TempDir Path dir;

  @Test
  void parsesTheFormsMetadataUses() {
    Requirement r =
        Requirement.parse(
            "requests[socks, security] (>=2.31, <3) ; python_version < \"3.13\" and extra == 'net'");
    assertThat(r.name()).isEqualTo("requests");
    assertThat(r.extras()).containsExactly("socks", "security");
    assertThat(r.specifier()).isEqualTo(">=2.31,<3");
    assertThat(r.marker()).isEqualTo("python_version < \"3.13\" and extra == 'net'");
    assertThat(Requirement.parse("pip @ https://example.org/pip.whl ; os_name == 'nt'").url())
        .isEqualTo("https://example.org/pip.whl");
    assertThat(Requirement.parse("Foo.Bar_baz").name()).isEqualTo("Foo.Bar_baz");
    assertThat(Requirement.normalizeName("Foo.Bar__baz")).isEqualTo("foo-bar-baz");
  }

  @Test
  void errorsSayWhereAndWhat() {
    assertThatThrownBy(() -> Requirement.parse("requests >=2.0,"))
        .hasMessage("expected a version operator (==, !=, <=, >=, <, >, ~=, ===), at the end");
    assertThatThrownBy(() -> Requirement.parse("requests ~=2"))
        .hasMessage(
            "'~=2' is not a valid specifier: '~=' needs at least two release numbers (such as ~=1.4)");
    assertThatThrownBy(() -> Requirement.parse("x; python_versio == '3'"))
        .hasMessageStartingWith("expected a marker variable");
    assertThatThrownBy(() -> Requirement.parse("x @ https://a.b/c.whl; os_name=='nt'"))
        .hasMessageStartingWith("expected a space and ';'");
  }

  @Test
  void hostileInputFailsFastWithoutOverflowing() {
    String deep = "x; " + "(".repeat(5000) + "os_name == 'a'" + ")".repeat(5000);
    assertThatThrownBy(() -> Requirement.parse(deep)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> Requirement.parse("a" + ">=1".repeat(100_000)))
        .isInstanceOf(InvalidRequirementException.class);
  }

  /**
   * Generated requirements and specifier sets, valid and broken, must be accepted exactly when
   * Python's packaging (Debian's, 23.x) accepts them.
   */
  @Test
  void agreesWithPackaging() throws Exception {
    List<String> requirements = generate(new Random(508), 3000);
    List<Boolean> oracle = oracle("requirement", requirements);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < requirements.size(); i++) {
      boolean ours;
      try {
        Requirement.parse(requirements.get(i));
        ours = true;
      } catch (InvalidRequirementException e) {
        ours = false;
      }
      if (ours != oracle.get(i)) {
        disagreements.add(requirements.get(i) + " (packaging: " + oracle.get(i) + ")");
      }
    }
    assertThat(disagreements).as("requirements judged differently from packaging").isEmpty();
    assertThat(oracle).contains(true, false);
  }

  private static final String[] NAMES = {
    "requests", "Foo.Bar", "a", "x_y-z", "-bad", "bad-", "9lives", "a..b"
  };
  private static final String[] OPS = {"==", ">=", "<=", "!=", "~=", ">", "<", "===", "=", "=>"};
  private static final String[] VERSIONS = {
    "1",
    "1.0",
    "2.31.0",
    "1.0.*",
    "1.0a1",
    "1.0.post1.dev2",
    "1.0+local",
    "v1.0",
    "1.*.0",
    "1.0.*.dev1",
    "banana",
    "1!2.0",
    ""
  };
  private static final String[] MARKERS = {
    "python_version < \"3.13\"",
    "os_name == 'nt'",
    "extra == \"test\"",
    "platform_machine in 'x86_64 aarch64'",
    "sys_platform != 'win32' and python_version >= '3.8'",
    "(os_name == 'nt' or os_name == 'posix')",
    "python_versio == '3'",
    "'3.8' <= python_version",
    "os_name == 'nt' or",
    "implementation_name not in 'pypy'"
  };

  private static List<String> generate(Random random, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder r = new StringBuilder(pick(random, NAMES));
      if (random.nextInt(4) == 0) {
        r.append(random.nextBoolean() ? "[" : " [")
            .append(random.nextBoolean() ? "test" : "a, b_c")
            .append(random.nextInt(8) == 0 ? "" : "]");
      }
      int specs = random.nextInt(3);
      boolean paren = specs > 0 && random.nextInt(3) == 0;
      if (paren) {
        r.append(" (");
      } else if (specs > 0 && random.nextBoolean()) {
        r.append(' ');
      }
      for (int s = 0; s < specs; s++) {
        if (s > 0) {
          r.append(random.nextBoolean() ? "," : ", ");
        }
        r.append(pick(random, OPS))
            .append(random.nextInt(4) == 0 ? " " : "")
            .append(pick(random, VERSIONS));
      }
      if (paren && random.nextInt(6) != 0) {
        r.append(')');
      }
      if (specs == 0 && random.nextInt(6) == 0) {
        r.append(" @ https://example.org/x.whl");
      }
      if (random.nextInt(3) == 0) {
        r.append(random.nextBoolean() ? " ; " : ";").append(pick(random, MARKERS));
      }
      out.add(r.toString());
    }
    return out;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private List<Boolean> oracle(String mode, List<String> inputs)
      throws IOException, InterruptedException {
    Path script = dir.resolve("oracle.py");
    try (InputStream in = getClass().getResourceAsStream("requirement_oracle.py")) {
      Files.copy(in, script);
    }
    Path input = dir.resolve("input.json");
    new ObjectMapper().writeValue(input.toFile(), inputs);
    String python = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
    Process process =
        new ProcessBuilder(python, script.toString(), mode)
            .redirectInput(input.toFile())
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(new String(process.getErrorStream().readAllBytes()))
        .isZero();
    return List.of(new ObjectMapper().readValue(out, Boolean[].class));
  }
}
