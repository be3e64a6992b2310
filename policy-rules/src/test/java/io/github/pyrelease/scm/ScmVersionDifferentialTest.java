package io.github.pyrelease.scm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version computed here against the real setuptools_scm (Debian's python3-setuptools-scm,
 * through {@code pyrelease.test.python}) on generated repositories: every repository, every
 * setting, the same version, or both refuse.
 */
class ScmVersionDifferentialTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");
  private static final long EPOCH = 1_764_633_600L; // 2025-12-02, for the dirty date
  private static final int REPOSITORIES = 160;

  /** The settings the repositories rotate through: [tool.setuptools_scm] or hatch-vcs. */
  private static final List<String> SETTINGS =
      List.of(
          "[tool.setuptools_scm]\n",
          "[tool.setuptools_scm]\nversion_scheme = \"no-guess-dev\"\n",
          "[tool.setuptools_scm]\nversion_scheme = \"post-release\"\n",
          "[tool.setuptools_scm]\nversion_scheme = \"python-simplified-semver\"\n",
          "[tool.setuptools_scm]\nversion_scheme = \"release-branch-semver\"\n",
          "[tool.setuptools_scm]\nlocal_scheme = \"dirty-tag\"\n",
          "[tool.setuptools_scm]\nlocal_scheme = \"no-local-version\"\n",
          "[tool.setuptools_scm]\nlocal_scheme = \"node-and-timestamp\"\n",
          "[tool.setuptools_scm]\ntag_regex = '^(?:release|proj)-v?(?P<version>\\d+(?:\\.\\d+)*)$'\n",
          "[tool.hatch.version]\nsource = \"vcs\"\nraw-options = { local_scheme = \"no-local-version\" }\n",
          "[tool.hatch.version]\nsource = \"vcs\"\ntag-pattern = '^v(?P<version>.+)$'\n",
          "[tool.hatch.version]\nsource = \"vcs\"\n");

  @TempDir Path dir;

  record Case(Path project, boolean hatch, Map<String, Object> hatchOptions, String story) {}

  @Test
  void computedVersionsEqualSetuptoolsScmsOnEveryGeneratedRepository() throws Exception {
    long seed = Long.getLong("pyrelease.test.seed", System.nanoTime());
    Random random = new Random(seed);
    Path home = Files.createDirectories(dir.resolve("home"));
    ScmRepositories repositories = new ScmRepositories(home);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < REPOSITORIES; i++) {
      String settings = SETTINGS.get(i % SETTINGS.size());
      String pyproject =
          (settings.contains("hatch")
                  ? "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\nbuild-backend ="
                      + " \"hatchling.build\"\n"
                  : "[build-system]\nrequires = [\"setuptools\", \"setuptools-scm\"]\n"
                      + "build-backend = \"setuptools.build_meta\"\n")
              + "\n[project]\nname = \"demo-pkg\"\ndynamic ="
              + " [\"version\"]\n\n"
              + settings;
      Path project = dir.resolve("r" + i);
      List<String> steps = repositories.randomHistory(project, random, pyproject);
      cases.add(
          new Case(project, settings.contains("hatch"), hatchOptions(settings), settings + steps));
    }
    // a project outside any repository, with and without a fallback version
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(
        plain.resolve("pyproject.toml"),
        "[project]\nname = \"p\"\ndynamic = [\"version\"]\n[tool.setuptools_scm]\n"
            + "fallback_version = \"0.0.0+unknown\"\n");
    cases.add(new Case(plain, false, Map.of(), "no repository, fallback_version"));
    Path none = Files.createDirectories(dir.resolve("none"));
    Files.writeString(
        none.resolve("pyproject.toml"),
        "[project]\nname = \"p\"\ndynamic = [\"version\"]\n[tool.setuptools_scm]\n");
    cases.add(new Case(none, false, Map.of(), "no repository, no fallback"));
    // a project in a sub-folder: only with root = ".." is the repository found
    Path monorepo = dir.resolve("mono");
    repositories.randomHistory(monorepo, new Random(seed + 1), "");
    for (String root : List.of("..", ".")) {
      Path sub = Files.createDirectories(monorepo.resolve("pkg" + root.length()));
      Files.writeString(
          sub.resolve("pyproject.toml"),
          "[project]\nname = \"p\"\ndynamic = [\"version\"]\n[tool.setuptools_scm]\nroot = \""
              + root
              + "\"\n");
      cases.add(new Case(sub, false, Map.of(), "sub-folder, root = " + root));
    }

    List<JsonNode> oracle = oracle(cases, repositories.environment());
    Map<String, String> environment = Map.of("SOURCE_DATE_EPOCH", String.valueOf(EPOCH));
    Clock clock = Clock.fixed(Instant.ofEpochSecond(EPOCH), ZoneOffset.UTC);
    List<String> mismatches = new ArrayList<>();
    int computed = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      PythonProject project = new PythonProjectReader().read(c.project());
      ScmVersions.Outcome ours = ScmVersions.compute(project, project.scm(), environment, clock);
      JsonNode theirs = oracle.get(i);
      String expected = theirs.has("version") ? theirs.get("version").asText() : null;
      if (expected != null) {
        computed++;
      }
      boolean same = expected == null ? ours.version() == null : expected.equals(ours.version());
      if (!same) {
        mismatches.add(
            c.project().getFileName()
                + ": setuptools_scm "
                + theirs
                + ", pyrelease "
                + (ours.version() != null
                    ? ours.version() + " (" + ours.describe() + ")"
                    : "refused: " + ours.problem())
                + " for "
                + c.story());
      }
    }
    assertThat(mismatches)
        .as("seed %d (-Dpyrelease.test.seed=%d repeats it); %d cases", seed, seed, cases.size())
        .isEmpty();
    assertThat(computed).as("most cases compute a version").isGreaterThan(cases.size() / 2);
  }

  private static Map<String, Object> hatchOptions(String settings) {
    Map<String, Object> options = new HashMap<>();
    if (settings.contains("raw-options")) {
      options.put("raw-options", Map.of("local_scheme", "no-local-version"));
    }
    if (settings.contains("tag-pattern")) {
      options.put("tag-pattern", "^v(?P<version>.+)$");
    }
    return options;
  }

  private static List<JsonNode> oracle(List<Case> cases, Map<String, String> gitEnvironment)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("scm_oracle", ".py");
    try (InputStream in = ScmVersionDifferentialTest.class.getResourceAsStream("scm_oracle.py")) {
      Files.write(script, in.readAllBytes());
    }
    ProcessBuilder builder = new ProcessBuilder(PYTHON, script.toString());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("GIT_") || k.startsWith("SETUPTOOLS_SCM"));
    builder.environment().putAll(gitEnvironment);
    builder.environment().put("SOURCE_DATE_EPOCH", String.valueOf(EPOCH));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    ObjectMapper json = new ObjectMapper();
    try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (Case c : cases) {
        Map<String, Object> line = new HashMap<>();
        line.put("dir", c.project().toString());
        line.put("kind", c.hatch() ? "hatch" : "scm");
        line.put("hatch", c.hatchOptions());
        w.write(json.writeValueAsString(line) + "\n");
      }
    }
    List<JsonNode> answers = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        answers.add(json.readTree(line));
      }
    }
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    Files.delete(script);
    assertThat(answers).as("one answer per case from " + PYTHON).hasSize(cases.size());
    return answers;
  }
}
