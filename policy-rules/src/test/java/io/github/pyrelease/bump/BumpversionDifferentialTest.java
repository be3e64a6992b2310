package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bumps the fixture projects under {@code bumpversion/<case>/before} and compares every file with
 * {@code expected/}, written by hand from bump-my-version's documentation (each case says which
 * rules in its case.properties). Files with no expected copy must not change.
 */
class BumpversionDifferentialTest {

  private static final Path CASES = casesDir();

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void bumpMatchesTheDocumentedResult(String name) throws IOException {
    Path fixture = CASES.resolve(name);
    Path project = tmp.resolve(name);
    copy(fixture.resolve("before"), project);
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(fixture.resolve("case.properties"))) {
      props.load(in);
    }
    BumpRequest request =
        BumpRequest.of(project, BumpKind.fromId(props.getProperty("bump")).orElseThrow())
            .withPreKind(VersionBump.preKind(props.getProperty("preKind")).orElse(null))
            .withClock(Projects.CLOCK)
            .withGit(false, false, false);
    try (BumpPlan plan = ProjectBump.plan(request)) {
      plan.execute(line -> {});
    }

    Map<String, String> expected = contents(fixture.resolve("before"));
    expected.putAll(contents(fixture.resolve("expected")));
    assertThat(contents(project)).isEqualTo(expected);
  }

  @Test
  void configurationThatCannotSpellThePreReleaseIsRefused() {
    Projects.write(
        tmp.resolve("pyproject.toml"),
        "[project]\nname = \"x\"\nversion = \"1.0.0\"\n\n[tool.bumpversion]\ncurrent_version ="
            + " \"1.0.0\"\n");
    assertThatThrownBy(
            () -> ProjectBump.plan(BumpRequest.of(tmp, BumpKind.PRE).withGit(false, false, false)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "the bumpversion parse/serialize settings spell the new version 1.0.1a1 as '1.0.1',"
                + " which is not the same version")
        .satisfies(e -> assertThat(((PyreleaseException) e).where()).isEqualTo("pyproject.toml:5"));
  }

  @Test
  void missingVersionIsAnErrorNamingTheEntry() {
    Projects.write(
        tmp.resolve("pyproject.toml"),
        "[project]\nname = \"x\"\nversion = \"1.0.0\"\n\n[tool.bumpversion]\ncurrent_version ="
            + " \"1.0.0\"\n\n[[tool.bumpversion.files]]\nfilename = \"README.md\"\n");
    Projects.write(tmp.resolve("README.md"), "no version\n");
    assertThatThrownBy(
            () ->
                ProjectBump.plan(BumpRequest.of(tmp, BumpKind.PATCH).withGit(false, false, false)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("did not find '1.0.0' in README.md")
        .satisfies(e -> assertThat(((PyreleaseException) e).where()).isEqualTo("pyproject.toml:8"));
  }

  @Test
  void fileOutsideTheProjectIsRefused() {
    Projects.write(
        tmp.resolve("p/pyproject.toml"),
        "[project]\nname = \"x\"\nversion = \"1.0.0\"\n\n[tool.bumpversion]\ncurrent_version ="
            + " \"1.0.0\"\n\n[[tool.bumpversion.files]]\nfilename = \"../secret.txt\"\n");
    Projects.write(tmp.resolve("secret.txt"), "1.0.0\n");
    assertThatThrownBy(
            () ->
                ProjectBump.plan(
                    BumpRequest.of(tmp.resolve("p"), BumpKind.PATCH).withGit(false, false, false)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("which is not a file inside the project");
  }

  @Test
  void unknownTemplateFieldListsTheKnownOnes() {
    Projects.write(
        tmp.resolve("pyproject.toml"),
        "[project]\nname = \"x\"\nversion = \"1.0.0\"\n\n[tool.bumpversion]\ncurrent_version ="
            + " \"1.0.0\"\n\n[[tool.bumpversion.files]]\nfilename = \"README.md\"\nsearch ="
            + " \"{curent_version}\"\n");
    Projects.write(tmp.resolve("README.md"), "1.0.0\n");
    assertThatThrownBy(
            () ->
                ProjectBump.plan(BumpRequest.of(tmp, BumpKind.PATCH).withGit(false, false, false)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("unknown field {curent_version} in '{curent_version}'")
        .satisfies(e -> assertThat(((PyreleaseException) e).fix()).contains("current_version"));
  }

  @Test
  void invalidRegexIsSearchedAsTextWithANote() {
    Projects.write(
        tmp.resolve("pyproject.toml"),
        "[project]\nname = \"x\"\nversion = \"1.0.0\"\n\n[tool.bumpversion]\ncurrent_version ="
            + " \"1.0.0\"\n\n[[tool.bumpversion.files]]\nfilename = \"README.md\"\nregex = true\n"
            + "search = \"[v{current_version}\"\nreplace = \"[v{new_version}\"\n");
    Projects.write(tmp.resolve("README.md"), "see [v1.0.0 notes\n");
    try (BumpPlan plan =
        ProjectBump.plan(BumpRequest.of(tmp, BumpKind.PATCH).withGit(false, false, false))) {
      assertThat(plan.notes())
          .anyMatch(
              n -> n.startsWith("the search '[v{current_version}' (pyproject.toml:8) is not a"));
      plan.execute(line -> {});
    }
    assertThat(Projects.read(tmp.resolve("README.md"))).isEqualTo("see [v1.0.1 notes\n");
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(dir.relativize(file).toString(), Files.readString(file));
      }
    }
    return contents;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private static Path casesDir() {
    try {
      return Path.of(
          BumpversionDifferentialTest.class
              .getResource("/io/github/pyrelease/bump/bumpversion")
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
