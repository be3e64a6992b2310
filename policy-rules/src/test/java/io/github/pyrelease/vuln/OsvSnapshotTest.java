package io.github.pyrelease.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.version.Version;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole PyPA snapshot (2,661 real records), where the machine has it: read in both of its
 * forms, and matched against an independent evaluation with Python's packaging.
 */
class OsvSnapshotTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir Path temp;

  @BeforeEach
  void snapshot() {
    Fixtures.assumeSnapshot();
  }

  @Test
  void theZipAndTheYamlTreeGiveTheSameIndex() {
    AdvisoryIndex zip = AdvisoryIndex.build(new OsvDatabase(Fixtures.SNAPSHOT), "zip");
    AdvisoryIndex tree = AdvisoryIndex.build(new OsvDatabase(Fixtures.SNAPSHOT_TREE), "tree");

    assertThat(zip.records()).isEqualTo(2661);
    assertThat(tree.records()).isEqualTo(2661);
    assertThat(tree.packages()).isEqualTo(zip.packages());
    for (String pkg : zip.packages()) {
      assertThat(tree.advisories(pkg))
          .map(OsvSnapshotTest::comparable)
          .containsExactlyInAnyOrderElementsOf(
              zip.advisories(pkg).stream().map(OsvSnapshotTest::comparable).toList());
    }
    // withdrawn records are left out; the two real records with a non-PEP 440 event are kept as
    // problems of their packages
    long problems =
        zip.packages().stream()
            .flatMap(p -> zip.advisories(p).stream())
            .filter(a -> a.affected().problem() != null)
            .count();
    assertThat(problems).isEqualTo(2);
  }

  @Test
  void matchingAgreesWithPackagingOnEveryRecord() throws IOException, InterruptedException {
    AdvisoryIndex index = AdvisoryIndex.build(new OsvDatabase(Fixtures.SNAPSHOT), "zip");
    List<String> cases = new ArrayList<>();
    List<Boolean> ours = new ArrayList<>();
    for (String pkg : index.packages()) {
      for (Advisory advisory : index.advisories(pkg)) {
        if (advisory.affected().problem() != null) {
          continue;
        }
        for (String version : candidates(advisory.affected())) {
          cases.add(advisory.id() + "\t" + pkg + "\t" + version);
          ours.add(advisory.affected().affects(Version.tryParse(version), version));
        }
      }
    }
    Path caseFile = Files.write(temp.resolve("cases.tsv"), cases, StandardCharsets.UTF_8);
    Path answers = temp.resolve("answers.txt");
    Process python =
        new ProcessBuilder(
                PYTHON, "-I", script(), Fixtures.SNAPSHOT.toString(), caseFile.toString())
            .redirectOutput(answers.toFile())
            .redirectError(temp.resolve("stderr.txt").toFile())
            .start();
    assertThat(python.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(() -> readQuietly(temp.resolve("stderr.txt"))).isZero();
    List<String> theirs = Files.readAllLines(answers);
    assertThat(theirs).hasSize(cases.size());
    List<String> mismatches = new ArrayList<>();
    for (int k = 0; k < cases.size(); k++) {
      if (!theirs.get(k).equals(ours.get(k) ? "1" : "0")) {
        mismatches.add(cases.get(k) + " ours=" + ours.get(k) + " packaging=" + theirs.get(k));
      }
    }
    assertThat(cases.size()).isGreaterThan(100_000);
    assertThat(mismatches).as("of %d cases", cases.size()).isEmpty();
  }

  /** All of an advisory but the file it was read from. */
  private static List<Object> comparable(Advisory a) {
    return List.of(
        a.id(),
        a.aliases(),
        a.summary(),
        a.description(),
        a.severity(),
        a.affected().versions(),
        a.affected().ranges(),
        a.affected().problem() == null);
  }

  /** Every version the record names, and versions just around each event. */
  private static Set<String> candidates(AffectedVersions affected) {
    Set<String> versions = new LinkedHashSet<>(affected.versions());
    for (List<AffectedVersions.Event> range : affected.ranges()) {
      for (AffectedVersions.Event event : range) {
        String v = event.version();
        if (v.equals("0") || v.equals("*")) {
          continue;
        }
        for (String near :
            List.of(v, v + ".post1", v + ".dev0", v + "rc1", v + ".1", v + "+local")) {
          Optional<Version> parsed = Version.tryParse(near);
          parsed.ifPresent(p -> versions.add(near));
        }
      }
    }
    versions.add("0.0.1");
    versions.add("9999");
    return versions;
  }

  private static String script() {
    try {
      return Path.of(OsvSnapshotTest.class.getResource("osv_oracle.py").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
