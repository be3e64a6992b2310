package io.github.pyrelease.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.Archives.TarMember;
import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Policy;
import io.github.pyrelease.policy.PolicyEngine;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.RuleSetting;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity with {@code twine check} (Debian's twine 4.0.2): a corpus of good and broken
 * distributions, each checked by twine and by pyrelease. Everything twine rejects, pyrelease
 * rejects too, with an explanation. twine 4.0.2 reads metadata with pkginfo 1.8, which knows
 * Metadata-Version 2.2 at most, so pyrelease is compared with its dist-metadata ceiling set to 2.2
 * (the ceiling of the tool being compared); under its default (PyPI's ceiling) it accepts newer
 * metadata that PyPI accepts.
 */
class TwineParityTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir static Path dir;

  private record Outcome(
      String name,
      boolean twineRejects,
      String twine,
      boolean weRejectAtTwinesCeiling,
      boolean weRejectByDefault,
      String why) {}

  private static final List<Outcome> outcomes = new ArrayList<>();

  private static String md(String version, String extra, String body) {
    return "Metadata-Version: "
        + version
        + "\nName: parity\nVersion: 1.0\nSummary: Parity corpus.\n"
        + extra
        + "\n"
        + body;
  }

  private static Map<String, byte[]> corpus() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "markdown.whl",
        wheel(md("2.1", "Description-Content-Type: text/markdown\n", "# parity\n\n*ok*\n")));
    files.put(
        "markdown.tar.gz",
        sdist(md("2.1", "Description-Content-Type: text/markdown\n", "# parity\n")));
    files.put(
        "rst-valid.whl",
        wheel(
            md(
                "2.1",
                "Description-Content-Type: text/x-rst\n",
                "parity\n======\n\nFine *rst* with a `link <https://example.org>`_.\n")));
    files.put(
        "rst-table-valid.whl",
        wheel(
            md(
                "2.1",
                "Description-Content-Type: text/x-rst\n",
                "+-----+-----+\n| a   | b   |\n+-----+-----+\n")));
    files.put(
        "rst-table-broken.whl",
        wheel(
            md(
                "2.1",
                "Description-Content-Type: text/x-rst\n",
                "+-----+-----+\n| a   | b  |\n+-----+-----+\n")));
    files.put(
        "rst-underline.whl",
        wheel(
            md(
                "2.1",
                "Description-Content-Type: text/x-rst\n",
                "Parity project\n=====\n\ntext\n")));
    files.put(
        "rst-sphinx-role.whl",
        wheel(md("2.1", "Description-Content-Type: text/x-rst\n", "See :ref:`install`.\n")));
    files.put(
        "rst-raw.whl",
        wheel(
            md(
                "2.1",
                "Description-Content-Type: text/x-rst; charset=UTF-8\n",
                ".. raw:: html\n\n   <script>x</script>\n")));
    files.put("rst-no-content-type.whl", wheel(md("2.1", "", "* item\nunindented\n")));
    files.put(
        "rst-unknown-type.whl",
        wheel(md("2.1", "Description-Content-Type: text/html\n", "`broken\n")));
    files.put(
        "rst-only-comment.whl",
        wheel(md("2.1", "Description-Content-Type: text/x-rst\n", ".. just a comment\n")));
    files.put(
        "rst-in-header.sdist.tar.gz",
        sdist(
            "Metadata-Version: 1.2\nName: parity\nVersion: 1.0\nDescription: Title\n        ===\n        \n        `unclosed\n"));
    files.put(
        "description-unknown.whl",
        wheel(md("2.1", "Description-Content-Type: text/x-rst\n", "UNKNOWN\n")));
    files.put(
        "markdown-looks-broken.whl",
        wheel(md("2.1", "Description-Content-Type: text/markdown\n", "Title\n===\n`broken\n")));
    files.put(
        "no-metadata.whl",
        Archives.zip(
            Map.of(
                "parity/__init__.py",
                new byte[0],
                "parity-1.0.dist-info/WHEEL",
                "Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8))));
    files.put("no-metadata-version.whl", wheel("Name: parity\nVersion: 1.0\n\n# x\n"));
    files.put(
        "no-name.whl",
        wheel(
            "Metadata-Version: 2.1\nVersion: 1.0\nDescription-Content-Type: text/markdown\n\n# x\n"));
    files.put(
        "no-version.whl",
        wheel(
            "Metadata-Version: 2.1\nName: parity\nDescription-Content-Type: text/markdown\n\n# x\n"));
    files.put(
        "metadata-2.3.whl", wheel(md("2.3", "Description-Content-Type: text/markdown\n", "# x\n")));
    files.put(
        "metadata-2.4.tar.gz",
        sdist(
            md(
                "2.4",
                "Description-Content-Type: text/markdown\nLicense-Expression: MIT\n",
                "# x\n")));
    files.put(
        "truncated.whl",
        Arrays.copyOf(wheel(md("2.1", "Description-Content-Type: text/markdown\n", "# x\n")), 200));
    files.put(
        "no-pkg-info.tar.gz", Archives.tarGz(List.of(TarMember.file("parity-1.0/setup.py", "x"))));
    files.put(
        "zip-sdist.zip",
        Archives.zip(
            Map.of(
                "parity-1.0/PKG-INFO",
                md("2.1", "Description-Content-Type: text/markdown\n", "# x\n")
                    .getBytes(StandardCharsets.UTF_8))));
    return files;
  }

  private static byte[] wheel(String metadata) {
    return new Archives.Wheel("parity", "1.0").metadata(metadata).bytes();
  }

  private static byte[] sdist(String pkgInfo) {
    return Archives.tarGz(Archives.sdist("parity", "1.0", pkgInfo));
  }

  /** The file name a case is stored under: a valid dist name, so only the content differs. */
  private static String fileName(String name) {
    if (name.endsWith(".whl")) {
      return "parity-1.0-py3-none-any.whl";
    }
    if (name.endsWith(".zip")) {
      return "parity-1.0.zip";
    }
    return "parity-1.0.tar.gz";
  }

  @BeforeAll
  static void checkEveryCase() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(
        project.resolve("pyproject.toml"), "[project]\nname = \"parity\"\nversion = \"1.0\"\n");
    Policy twineCeiling =
        new Policy(
            Map.of("dist-metadata", new RuleSetting(null, Map.of("max-metadata-version", "2.2"))),
            Level.WARNING,
            "twine 4.0.2's metadata ceiling");
    for (Map.Entry<String, byte[]> c : corpus().entrySet()) {
      Path caseDir = Files.createDirectories(dir.resolve("cases").resolve(c.getKey()));
      Path file = caseDir.resolve(fileName(c.getKey()));
      Files.write(file, c.getValue());
      Process twine =
          new ProcessBuilder(PYTHON, "-m", "twine", "check", file.toString())
              .redirectErrorStream(true)
              .start();
      String twineOut = new String(twine.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(twine.waitFor(2, TimeUnit.MINUTES)).isTrue();
      Evaluation strict = evaluate(project, caseDir, twineCeiling);
      Evaluation standard = evaluate(project, caseDir, Policy.defaults());
      String why =
          strict.failures(Level.ERROR).stream()
              .flatMap(
                  r ->
                      r.findings().stream()
                          .filter(f -> f.level() == Level.ERROR)
                          .map(f -> r.ruleId() + ": " + f.finding().message()))
              .findFirst()
              .orElse("");
      outcomes.add(
          new Outcome(
              c.getKey(),
              twine.exitValue() != 0,
              lastLine(twineOut),
              strict.fails(Level.ERROR),
              standard.fails(Level.ERROR),
              why));
    }
    System.out.println(
        "case | twine check | pyrelease (twine's ceiling) | pyrelease (default) | why");
    outcomes.forEach(
        o ->
            System.out.println(
                o.name()
                    + " | "
                    + (o.twineRejects() ? "FAILED" : "passed")
                    + " | "
                    + (o.weRejectAtTwinesCeiling() ? "FAIL" : "pass")
                    + " | "
                    + (o.weRejectByDefault() ? "FAIL" : "pass")
                    + " | "
                    + o.why()));
  }

  private static Evaluation evaluate(Path project, Path dist, Policy policy) {
    return evaluate(project, dist, policy, PYTHON);
  }

  private static Evaluation evaluate(Path project, Path dist, Policy policy, String python) {
    ProjectFacts facts =
        new ProjectFacts(
            project,
            project.resolve("target/pyrelease"),
            Network.none(),
            new BuiltDistributions(dist, "dist", python));
    List<RuleResult> results =
        new PolicyEngine(BuiltInRules.registry())
            .evaluate(policy, facts, RuleSelection.stage(Stage.DIST));
    return new Evaluation("parity", "1.0", project.toString(), results);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void everythingTwineRejectsIsRejectedWithAReason() {
    List<String> missed =
        outcomes.stream()
            .filter(o -> o.twineRejects() && (!o.weRejectAtTwinesCeiling() || o.why().isEmpty()))
            .map(Outcome::name)
            .toList();
    assertThat(missed).as("cases twine rejects and pyrelease accepts").isEmpty();
    assertThat(outcomes.stream().filter(Outcome::twineRejects).count())
        .as("the corpus has cases twine rejects")
        .isGreaterThanOrEqualTo(12);
    assertThat(outcomes.stream().filter(o -> !o.twineRejects()).count()).isGreaterThanOrEqualTo(5);
  }

  /**
   * The broken reStructuredText twine rejects is rejected with no readme_renderer anywhere (no
   * interpreter at all): pyrelease's own check decides every case, and the valid ones still pass.
   */
  @Test
  void theBrokenRstCorpusFailsWithoutReadmeRenderer() {
    Path project = dir.resolve("project");
    List<String> undecided = new java.util.ArrayList<>();
    for (Outcome o : outcomes) {
      if (!o.name().startsWith("rst-")) {
        continue;
      }
      Evaluation alone =
          evaluate(
              project,
              dir.resolve("cases").resolve(o.name()),
              Policy.defaults(),
              "/nonexistent/python3");
      assertThat(alone.fails(Level.ERROR)).as(o.name()).isEqualTo(o.twineRejects());
      alone.results().stream()
          .flatMap(r -> r.findings().stream())
          .filter(f -> f.finding().key().endsWith(":description-unchecked"))
          .forEach(f -> undecided.add(o.name()));
    }
    assertThat(undecided).as("descriptions left to readme_renderer").isEmpty();
  }

  @Test
  void whatTwineAcceptsIsAcceptedExceptWhatPypiRefuses() {
    Map<String, Boolean> byName = new LinkedHashMap<>();
    outcomes.forEach(o -> byName.put(o.name(), o.weRejectByDefault()));
    assertThat(byName)
        .containsEntry("markdown.whl", false)
        .containsEntry("markdown.tar.gz", false)
        .containsEntry("rst-valid.whl", false)
        .containsEntry("rst-table-valid.whl", false)
        .containsEntry("description-unknown.whl", false)
        .containsEntry("markdown-looks-broken.whl", false)
        // newer than twine 4.0.2 knows, accepted by PyPI
        .containsEntry("metadata-2.3.whl", false)
        .containsEntry("metadata-2.4.tar.gz", false)
        // twine still reads .zip sdists; PyPI refuses them (PEP 625)
        .containsEntry("zip-sdist.zip", true);
  }
}
