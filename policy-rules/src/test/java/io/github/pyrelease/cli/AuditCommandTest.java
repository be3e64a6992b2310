package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.cli.CliFixture.Run;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private Run run(String... args) {
    return CliFixture.run(
        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), false, "", args);
  }

  @Test
  void aVulnerablePinFailsNamingTheAdvisoryTheFixAndTheLine() {
    Run run =
        run(
            "audit",
            "--path",
            dir.toString(),
            "--advisories",
            database,
            "-r",
            dir.resolve("requirements.txt").toString());

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
    Run run =
        run(
            "audit",
            "--path",
            dir.toString(),
            "--advisories",
            database,
            "-r",
            dir.resolve("requirements.txt").toString(),
            "--format",
            "json");

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
    Run run =
        run(
            "audit",
            "--path",
            dir.toString(),
            "--advisories",
            database,
            "-r",
            dir.resolve("requirements.txt").toString());

    assertThat(run.out() + run.err())
        .contains("waived until 2099-01-31")
        .contains("sandbox unused");
    assertThat(run.exit()).as(run.out()).isZero();
  }
}
