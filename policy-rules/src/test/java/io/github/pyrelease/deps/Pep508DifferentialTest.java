package io.github.pyrelease.deps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated PEP 508 requirements, parsed and their markers evaluated in several
 * environments, against Python's packaging (Debian's /usr/bin/python3, or the system property
 * {@code pyrelease.test.python}): what is accepted, the name, extras, specifiers and URL read, and
 * every marker's value (or packaging's failure to evaluate it) must agree.
 */
class Pep508DifferentialTest {

  private static final int COUNT = 6000;

  @TempDir Path dir;

  private static final List<MarkerEnvironment> ENVIRONMENTS =
      List.of(
          MarkerEnvironment.DEFAULT,
          MarkerEnvironment.forPython("3.8.10")
              .with("sys_platform", "win32")
              .with("os_name", "nt")
              .with("platform_system", "Windows")
              .with("platform_machine", "AMD64"),
          MarkerEnvironment.forPython("3.13.0rc2")
              .with("implementation_name", "pypy")
              .with("platform_python_implementation", "PyPy")
              .with("implementation_version", "7.3.17")
              .with("platform_release", "6.1.0-13-amd64")
              .with("sys_platform", "darwin")
              .with("platform_machine", "arm64"));

  private static final String[] NAMES = {
    "requests", "Foo.Bar", "a", "x_y-z", "Zope.Interface", "ruamel.yaml", "-bad", "a..b"
  };
  private static final String[] OPS = {"==", ">=", "<=", "!=", "~=", ">", "<", "==="};
  private static final String[] VERSIONS = {
    "1", "1.0", "2.31.0", "1.0.*", "1.0a1", "1.0.post1.dev2", "1.0+local", "1!2.0", "3.11", "banana"
  };
  private static final String[] VARIABLES = {
    "python_version",
    "python_full_version",
    "os_name",
    "sys_platform",
    "platform_release",
    "platform_system",
    "platform_version",
    "platform_machine",
    "platform_python_implementation",
    "implementation_name",
    "implementation_version",
    "extra",
    "os.name",
    "sys.platform",
    "platform.machine",
    "python_implementation"
  };
  private static final String[] MARKER_OPS = {
    "==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in"
  };
  private static final String[] VALUES = {
    "3.8",
    "3.11",
    "3.11.9",
    "3",
    "3.1",
    "2.7.*",
    "3.*",
    "3.13.0rc2",
    "3.13",
    "posix",
    "nt",
    "linux",
    "win32",
    "darwin",
    "cpython",
    "CPython",
    "pypy",
    "x86_64",
    "arm64 x86_64",
    "Linux",
    "Windows",
    "",
    "test",
    "Test_Extra",
    "test-extra",
    "1.0+local",
    "6.1",
    "7.3.17",
    "1!1.0",
    "lin"
  };

  @Test
  void parsesAndEvaluatesAsPackagingDoes() throws Exception {
    List<String> requirements = generate(new Random(751), COUNT);
    JsonNode oracle = oracle(requirements);
    JsonNode results = oracle.path("results");
    List<String> disagreements = new ArrayList<>();
    int evaluated = 0;
    int errors = 0;
    int valid = 0;
    for (int i = 0; i < requirements.size(); i++) {
      String text = requirements.get(i);
      JsonNode expected = results.get(i);
      Requirement parsed;
      try {
        parsed = Requirement.parse(text);
      } catch (InvalidRequirementException e) {
        if (expected.path("valid").asBoolean()) {
          disagreements.add(text + ": we refuse it (" + e.getMessage() + "), packaging accepts it");
        }
        continue;
      }
      if (!expected.path("valid").asBoolean()) {
        disagreements.add(text + ": we accept it, packaging refuses it");
        continue;
      }
      valid++;
      String ours =
          describe(
              parsed.name(),
              Requirement.normalizeName(parsed.name()),
              new TreeSet<>(parsed.extras()).toString(),
              specifiers(parsed.specifier()),
              parsed.url());
      String theirs =
          describe(
              expected.path("name").asText(),
              expected.path("canonical").asText(),
              strings(expected.path("extras")).toString(),
              specifierSet(expected.path("specifiers")).toString(),
              expected.path("url").isNull() ? null : expected.path("url").asText());
      if (!ours.equals(theirs)) {
        disagreements.add(text + ": we read " + ours + ", packaging " + theirs);
      }
      if (parsed.marker() == null) {
        continue;
      }
      Marker marker = Marker.parse(parsed.marker());
      int k = 0;
      for (MarkerEnvironment environment : ENVIRONMENTS) {
        for (String extra : List.of("", "Test_Extra")) {
          String want = expected.path("evaluations").get(k++).asText();
          String got;
          try {
            got = String.valueOf(marker.evaluate(environment, extra));
          } catch (InvalidRequirementException e) {
            got = "error";
          }
          evaluated++;
          if (want.equals("error")) {
            errors++;
          }
          if (!got.equals(want)) {
            disagreements.add(
                text
                    + " in "
                    + environment.values()
                    + " with extra '"
                    + extra
                    + "': we say "
                    + got
                    + ", packaging "
                    + want);
          }
        }
      }
    }
    assertThat(disagreements)
        .as("requirements read or evaluated differently from packaging " + oracle.path("packaging"))
        .isEmpty();
    // the generator must reach every kind of answer, or the test proves little
    assertThat(valid).isGreaterThan(COUNT / 3);
    assertThat(evaluated).isGreaterThan(10_000);
    assertThat(errors).isPositive();
  }

  private static String describe(
      String name, String canonical, String extras, String specifiers, String url) {
    return name
        + " ("
        + canonical
        + ") extras "
        + extras
        + " specifiers "
        + specifiers
        + " url "
        + url;
  }

  /** Specifiers as a set of canonical forms: packaging's SpecifierSet keeps {@code >1} once. */
  private static String specifiers(String specifier) {
    TreeSet<String> out = new TreeSet<>();
    if (!specifier.isEmpty()) {
      Arrays.stream(specifier.split(",")).map(Pep508DifferentialTest::canonical).forEach(out::add);
    }
    return out.toString();
  }

  private static TreeSet<String> specifierSet(JsonNode array) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(n -> out.add(canonical(n.asText())));
    return out;
  }

  private static String canonical(String spec) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(===|==|!=|~=|<=|>=|<|>)\\s*(.*)").matcher(spec);
    var version = m.matches() ? io.github.pyrelease.version.Version.tryParse(m.group(2)) : null;
    if (version == null || version.isEmpty()) {
      return spec; // as packaging's canonicalize_version leaves what is no version
    }
    // packaging compares specifiers by canonical version, trailing zeros kept only for ~=
    return m.group(1)
        + (m.group(1).equals("~=") ? version.get().toString() : version.get().canonical());
  }

  private static TreeSet<String> strings(JsonNode array) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> generate(Random random, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder r = new StringBuilder(pick(random, NAMES));
      if (random.nextInt(4) == 0) {
        r.append(random.nextBoolean() ? "[test]" : " [a, B_c]");
      }
      int specs = random.nextInt(3);
      for (int s = 0; s < specs; s++) {
        r.append(s == 0 ? (random.nextBoolean() ? " " : "") : ",")
            .append(pick(random, OPS))
            .append(pick(random, VERSIONS));
      }
      if (specs == 0 && random.nextInt(8) == 0) {
        r.append(" @ https://example.org/pkg-1.0-py3-none-any.whl");
      }
      if (random.nextInt(5) != 0) {
        r.append(random.nextBoolean() ? " ; " : "; ").append(marker(random, 0));
      }
      out.add(r.toString());
    }
    return out;
  }

  private static String marker(Random random, int depth) {
    int shape = depth >= 2 ? 0 : random.nextInt(5);
    if (shape == 3) {
      return marker(random, depth + 1)
          + (random.nextBoolean() ? " and " : " or ")
          + marker(random, depth + 1);
    }
    if (shape == 4) {
      return "("
          + marker(random, depth + 1)
          + (random.nextBoolean() ? " or " : " and ")
          + marker(random, depth + 1)
          + ")";
    }
    String quote = random.nextBoolean() ? "\"" : "'";
    String value = quote + pick(random, VALUES) + quote;
    String variable = pick(random, VARIABLES);
    String op = pick(random, MARKER_OPS);
    int kind = random.nextInt(10);
    if (kind == 0) {
      return value + " " + op + " " + quote + pick(random, VALUES) + quote; // two strings
    }
    if (kind == 1) {
      return variable + " " + op + " " + pick(random, VARIABLES); // two variables
    }
    return kind < 4 ? value + " " + op + " " + variable : variable + " " + op + " " + value;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private JsonNode oracle(List<String> requirements) throws IOException, InterruptedException {
    Path script = dir.resolve("pep508_oracle.py");
    try (InputStream in = getClass().getResourceAsStream("pep508_oracle.py")) {
      Files.copy(in, script);
    }
    List<Map<String, String>> environments =
        ENVIRONMENTS.stream().map(MarkerEnvironment::values).toList();
    Path input = dir.resolve("input.json");
    new ObjectMapper()
        .writeValue(
            input.toFile(), Map.of("requirements", requirements, "environments", environments));
    String python = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
    Path errors = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(python, script.toString())
            .redirectInput(input.toFile())
            .redirectError(errors.toFile())
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
    return new ObjectMapper().readTree(out);
  }
}
