package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.cli.CliFixture.Run;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyrelease audit} on a project pinning real vulnerable versions, against the real subset.
 */
class AuditCommandTest {

  @TempDir Path dir;

  private String database;

  @BeforeEach
  void project() throws IOException, URISyntaxException {
    CliFixture.project(dir, "1.0.0", "1.0.0");
    Files.writeString(
        dir.resolve("requirements.txt"),
        "# pinned\nJinja2==2.10\nrequests==2.32.3  # fine\nflask>=2\n");
    database =
        Path.of(getClass().getResource("/io/github/pyrelease/vuln/pypa-subset").toURI()).toString();
  }

  /**
   * {@code pyrelease audit} of the project's requirements against the subset, then {@code more}.
   */
  private Run audit(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "--path",
                dir.toString(),
                "--advisories",
                database,
                "-r",
                dir.resolve("requirements.txt").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private Run run(String... args) {
    return CliFixture.run(
        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), false, "", args);
  }

  /** --license-index asks a loopback server speaking PyPI's JSON API for the missing licences. */
  @Test
  void licencesUnknownLocallyAreAskedOfTheIndexNamed() throws IOException {
    try (mockwebserver3.MockWebServer index = new mockwebserver3.MockWebServer()) {
      index.setDispatcher(
          new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
              String path = request.getUrl().encodedPath();
              String license =
                  path.equals("/pypi/jinja2/2.10/json")
                      ? "BSD-3-Clause"
                      : path.equals("/pypi/requests/2.32.3/json") ? "Apache-2.0" : null;
              return license == null
                  ? new mockwebserver3.MockResponse.Builder().code(404).build()
                  : new mockwebserver3.MockResponse.Builder()
                      .addHeader("Content-Type", "application/json")
                      .body(
                          "{\"info\":{\"license_expression\":\""
                              + license
                              + "\",\"classifiers\":[]}}")
                      .build();
            }
          });
      index.start();
      Run without = audit();
      assertThat(without.out()).contains("Jinja2 2.10: licence unknown");

      Run with = audit("--license-index", index.url("/").toString());
      assertThat(with.out())
          .as(with.out() + with.err())
          .doesNotContain("Jinja2 2.10: licence unknown")
          .doesNotContain("requests 2.32.3: licence unknown")
          .contains("flask (flask>=2): licence unknown") // no version to ask the index about
          .contains("1 of 3 dependencies have a licence");
      assertThat(index.getRequestCount()).isEqualTo(2); // flask>=2 is not pinned: not asked
    }
  }

  @Test
  void aVulnerablePinFailsNamingTheAdvisoryTheFixAndTheLine() {
    Run run = audit();

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("vulnerabilities")
        .contains("jinja2 2.10 has PYSEC-2019-217 (CVE-2019-10906, GHSA-462w-v97r-4m45)")
        .contains("fixed in 2.10.1")
        .contains("upgrade jinja2 to 2.11.3 or later")
        .contains("requirements.txt:2");
  }

  @Test
  void jsonIsPipAuditsShapeWithEveryDependencyListed() throws IOException {
    Run run = audit("--format", "json");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode deps = json.path("dependencies");
    assertThat(deps.findValuesAsText("name")).contains("jinja2", "requests");
    JsonNode jinja = deps.get(0);
    assertThat(jinja.path("version").asText()).isEqualTo("2.10");
    JsonNode first = jinja.path("vulns").get(0);
    assertThat(first.path("id").asText()).startsWith("PYSEC-");
    assertThat(first.has("aliases")).isTrue();
    assertThat(first.has("fix_versions")).isTrue();
    assertThat(first.has("description")).isTrue();
    assertThat(deps.get(1).path("vulns")).isEmpty();
  }

  @Test
  void offlineWithoutADatabaseIsNotCheckedRatherThanClean() {
    Run run =
        run(
            "audit",
            "--path",
            dir.toString(),
            "--offline",
            "-r",
            dir.resolve("requirements.txt").toString());

    assertThat(run.out()).contains("not checked: offline, and no advisory database is given");
    assertThat(run.out()).doesNotContain("no known vulnerability");
  }

  @Test
  void aWaiverWithAFutureDateShowsAWaivedLine() throws IOException {
    Files.writeString(
        dir.resolve("release-policy.yaml"),
        "rules:\n  vulnerabilities:\n    level: error\n    unpinned: false\n    ignore:\n"
            + "      - { id: GHSA-462w-v97r-4m45, until: 2099-01-31, reason: sandbox unused }\n"
            + "      - { id: CVE-2020-28493, until: 2099-01-31, reason: no untrusted templates }\n");
    Run run = audit();

    assertThat(run.out() + run.err())
        .contains("waived until 2099-01-31")
        .contains("sandbox unused");
    assertThat(run.exit()).as(run.out()).isZero();
  }

  @Test
  void theAuditWritesAValidCycloneDxSbomOfTheInventory() throws Exception {
    Run run = audit();

    Path sbom = dir.resolve("target/pyrelease/sbom.json");
    assertThat(run.out()).contains("report: " + sbom);
    byte[] bytes = Files.readAllBytes(sbom);
    assertThat(
            new org.cyclonedx.parsers.JsonParser()
                .validate(bytes, io.github.pyrelease.sbom.SbomWriter.VERSION))
        .isEmpty();
    JsonNode bom = new ObjectMapper().readTree(bytes);
    assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("demo");
    assertThat(bom.path("components").findValuesAsText("purl"))
        .containsExactly("pkg:pypi/jinja2@2.10", "pkg:pypi/requests@2.32.3", "pkg:pypi/flask");
  }
}
