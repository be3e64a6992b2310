package io.github.pyrelease.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineAdvisoriesTest {

  @TempDir Path temp;

  private AuditedPackage audit(Path database, String name, String version) {
    return new OfflineAdvisories(database, temp.resolve("cache"))
        .audit(List.of(new PackageVersion(name, version)))
        .get(new PackageVersion(name, version));
  }

  @Test
  void jinja2At210HasTwoAdvisoriesAndItsSmallestUpgradeLeavesAllBehind() {
    AuditedPackage jinja = audit(Fixtures.subset(), "Jinja2", "2.10");

    assertThat(jinja.vulnerabilities())
        .extracting(Vulnerability::id)
        .containsExactlyInAnyOrder("PYSEC-2019-217", "PYSEC-2021-66");
    Vulnerability sandbox =
        jinja.vulnerabilities().stream()
            .filter(v -> v.id().equals("PYSEC-2019-217"))
            .findFirst()
            .orElseThrow();
    assertThat(sandbox.aliases()).containsExactly("CVE-2019-10906", "GHSA-462w-v97r-4m45");
    assertThat(sandbox.fixedVersions()).containsExactly("2.10.1");
    assertThat(sandbox.summary())
        .isEqualTo("In Pallets Jinja before 2.10.1, str.format_map allows a sandbox escape.");
    // 2.10.1 fixes PYSEC-2019-217 but PYSEC-2021-66 still affects it
    assertThat(jinja.upgrade()).isEqualTo("2.11.3");
    assertThat(jinja.problems()).isEmpty();
  }

  @Test
  void versionsMatchAsPep440SaysNotAsText() {
    assertThat(audit(Fixtures.subset(), "jinja2", "2.10.0").vulnerabilities()).hasSize(2);
    assertThat(audit(Fixtures.subset(), "jinja2", "2.11.3").vulnerabilities()).isEmpty();
    // a pre-release of the fix is still before it
    assertThat(audit(Fixtures.subset(), "jinja2", "2.11.3rc1").vulnerabilities())
        .extracting(Vulnerability::id)
        .containsExactly("PYSEC-2021-66");
  }

  @Test
  void lastAffectedIncludesThatVersionOnly() {
    assertThat(audit(Fixtures.subset(), "py", "1.11.0").vulnerabilities())
        .extracting(Vulnerability::id)
        .containsExactly("PYSEC-2022-42969");
    assertThat(audit(Fixtures.subset(), "py", "1.11.0.post1").vulnerabilities()).isEmpty();
    // no fixed version is known: no upgrade to offer
    assertThat(audit(Fixtures.subset(), "py", "1.11.0").upgrade()).isNull();
  }

  @Test
  void withdrawnRecordsAreIgnored() {
    // PYSEC-2023-73 (redis) is withdrawn; its range covers 4.5.3
    assertThat(audit(Fixtures.subset(), "redis", "4.5.3").vulnerabilities()).isEmpty();
  }

  @Test
  void severityFromTheRecordsCvssV3Vector() {
    Vulnerability timing =
        audit(Fixtures.subset(), "pycryptodomex", "3.19.0").vulnerabilities().get(0);
    assertThat(timing.severity())
        .isEqualTo(
            new Severity(
                Severity.Level.MEDIUM, 5.9, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"));
    assertThat(audit(Fixtures.subset(), "jinja2", "2.10").vulnerabilities().get(0).severity())
        .isEqualTo(Severity.unknown());
  }

  @Test
  void aRangeEventThatIsNoVersionMakesThatPackageUncheckedNamingTheFile() {
    // the real record PYSEC-2019-125 (steam) has "fixed: 2019-09-12"
    AuditedPackage steam = audit(Fixtures.subset(), "steam", "0.9.0");
    assertThat(steam.problems())
        .singleElement()
        .asString()
        .contains("PYSEC-2019-125", "vulns/steam/PYSEC-2019-125.yaml", "'fixed: 2019-09-12'")
        .contains("no PEP 440 version");
    // every other package of the database is still checked
    assertThat(audit(Fixtures.subset(), "requests", "2.19.0").problems()).isEmpty();
  }

  @Test
  void aZipOfTheRecordsGivesWhatTheDirectoryGives() {
    Path zip = Fixtures.subsetZip(temp);
    for (String[] pkg :
        new String[][] {{"urllib3", "1.24.1"}, {"werkzeug", "0.15.0"}, {"flask", "0.12"}}) {
      assertThat(audit(zip, pkg[0], pkg[1])).isEqualTo(audit(Fixtures.subset(), pkg[0], pkg[1]));
    }
    assertThat(audit(zip, "urllib3", "1.24.1").vulnerabilities()).isNotEmpty();
  }

  @Test
  void theIndexIsCachedByDigestAndRebuiltWhenTheDatabaseChanges() throws IOException {
    Path db = temp.resolve("db");
    copy(Fixtures.subset(), db);
    Path cache = temp.resolve("cache");
    PackageVersion flask = new PackageVersion("flask", "0.12");

    OfflineAdvisories first = new OfflineAdvisories(db, cache);
    Map<PackageVersion, AuditedPackage> cold = first.audit(List.of(flask));
    assertThat(first.rebuilt()).isTrue();
    assertThat(first.cacheFile()).isRegularFile();
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    OfflineAdvisories second = new OfflineAdvisories(db, cache);
    assertThat(second.audit(List.of(flask))).isEqualTo(cold);
    assertThat(second.rebuilt()).isFalse();

    Files.writeString(
        db.resolve("vulns/flask/PYSEC-0000-local.yaml"),
        "id: PYSEC-0000-local\nmodified: '2026-12-01T00:00:00Z'\ndetails: A local advisory.\n"
            + "affected:\n- package: {name: flask, ecosystem: PyPI}\n  ranges:\n  - type: ECOSYSTEM\n"
            + "    events:\n    - introduced: '0'\n    - fixed: '9.0'\n");
    OfflineAdvisories third = new OfflineAdvisories(db, cache);
    assertThat(third.audit(List.of(flask)).get(flask).vulnerabilities())
        .extracting(Vulnerability::id)
        .contains("PYSEC-0000-local");
    assertThat(third.rebuilt()).isTrue();
  }

  @Test
  void aDamagedCacheIsRebuiltNotTrusted() throws IOException {
    Path cache = temp.resolve("cache");
    OfflineAdvisories first = new OfflineAdvisories(Fixtures.subset(), cache);
    PackageVersion jinja = new PackageVersion("jinja2", "2.10");
    Map<PackageVersion, AuditedPackage> expected = first.audit(List.of(jinja));
    byte[] bytes = Files.readAllBytes(first.cacheFile());
    Files.write(first.cacheFile(), java.util.Arrays.copyOf(bytes, bytes.length / 3));

    OfflineAdvisories second = new OfflineAdvisories(Fixtures.subset(), cache);
    assertThat(second.audit(List.of(jinja))).isEqualTo(expected);
    assertThat(second.rebuilt()).isTrue();
  }

  @Test
  void zipMemberNamesAreLabelsOnlyAndAMalformedRecordNamesItsMember() throws IOException {
    Path zip = temp.resolve("evil/db.zip");
    Files.createDirectories(zip.getParent());
    zip(
        zip,
        Map.of(
            "../../escaped.json",
            "{\"id\":\"OSV-1\",\"modified\":\"2026-01-01T00:00:00Z\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"PyPI\",\"name\":\"Demo_Pkg\"},\"versions\":[\"1.0\"]}]}"));
    assertThat(audit(zip, "demo-pkg", "1.0.0").vulnerabilities())
        .extracting(Vulnerability::id)
        .containsExactly("OSV-1");
    assertThat(temp.resolve("escaped.json")).doesNotExist();
    assertThat(zip.getParent().getParent().getParent().resolve("escaped.json")).doesNotExist();

    Path broken = temp.resolve("broken.zip");
    zip(broken, Map.of("PYSEC-1.json", "{\"id\": \"PYSEC-1\",\n \"affected\": [ }"));
    assertThatThrownBy(() -> audit(broken, "x", "1"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining(broken + "!PYSEC-1.json is not valid JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void aHugeRecordIsRefusedWithoutReadingItWhole() throws IOException {
    Path zip = temp.resolve("huge.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("PYSEC-HUGE.json"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int k = 0; k < 100; k++) {
        z.write(spaces);
      }
      z.closeEntry();
    }
    assertThatThrownBy(() -> audit(zip, "x", "1"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            zip
                + "!PYSEC-HUGE.json is larger than 8 MiB, the most an advisory record may have; refused");
  }

  @Test
  void aMissingDatabaseSaysWhatToGive() {
    assertThatThrownBy(() -> audit(temp.resolve("nope"), "x", "1"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aMalformedEventIsAProblemOfItsPackage() throws IOException {
    Path db = temp.resolve("db");
    Files.createDirectories(db);
    Files.writeString(
        db.resolve("GHSA-demo.json"),
        "{\"id\":\"GHSA-demo\",\"aliases\":[\"CVE-2026-1\"],\"affected\":[{\"package\":"
            + "{\"ecosystem\":\"PyPI\",\"name\":\"demo\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
            + "\"events\":[{\"introduced\":\"0\",\"fixed\":\"1.0\"}]}]}]}");
    assertThat(audit(db, "demo", "0.5").problems())
        .singleElement()
        .asString()
        .contains("GHSA-demo", "GHSA-demo.json", "event 1", "exactly one of introduced");
  }

  @Test
  void recordsOfOneVulnerabilityUnderSeveralIdsAreOneFinding() throws IOException {
    Path db = temp.resolve("db");
    Files.createDirectories(db);
    String range =
        "\"affected\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"demo\"},\"ranges\":[{\"type\":"
            + "\"ECOSYSTEM\",\"events\":[{\"introduced\":\"1.0\"},{\"fixed\":\"1.2\"},"
            + "{\"introduced\":\"2.0\"},{\"fixed\":\"%s\"}]}]}]";
    Files.writeString(
        db.resolve("GHSA-aaaa.json"),
        "{\"id\":\"GHSA-aaaa\",\"aliases\":[\"CVE-2026-7\"],\"summary\":\"Bad thing\","
            + "\"database_specific\":{\"severity\":\"HIGH\"},"
            + range.formatted("2.3")
            + "}");
    Files.writeString(
        db.resolve("PYSEC-2026-9.json"),
        "{\"id\":\"PYSEC-2026-9\",\"aliases\":[\"CVE-2026-7\"],\"details\":\"Bad thing. More.\","
            + range.formatted("2.4")
            + "}");
    AuditedPackage demo = audit(db, "demo", "2.1");
    assertThat(demo.vulnerabilities()).hasSize(1);
    Vulnerability one = demo.vulnerabilities().get(0);
    assertThat(one.id()).isEqualTo("PYSEC-2026-9");
    assertThat(one.aliases()).containsExactly("CVE-2026-7", "GHSA-aaaa");
    assertThat(one.severity().level()).isEqualTo(Severity.Level.HIGH);
    assertThat(one.fixedVersions()).containsExactly("1.2", "2.3", "2.4");
    assertThat(demo.upgrade()).isEqualTo("2.4");
    assertThat(audit(db, "demo", "1.5").vulnerabilities()).isEmpty();
    assertThat(audit(db, "demo", "1.1").upgrade()).isEqualTo("1.2");
  }

  private static void zip(Path zip, Map<String, String> members) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> member : members.entrySet()) {
        z.putNextEntry(new ZipEntry(member.getKey()));
        z.write(member.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
