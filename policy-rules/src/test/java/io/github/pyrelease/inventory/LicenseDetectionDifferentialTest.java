package io.github.pyrelease.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.license.DetectedLicense;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every distribution installed for /usr/bin/python3 (Debian's, in /usr/lib/python3/dist-packages;
 * or the system property {@code pyrelease.test.python}) read by the inventory from its METADATA or
 * PKG-INFO, against what {@code importlib.metadata} reports: the same distributions, names and
 * versions, and the licence detected from our reading equal to the licence detected from
 * importlib's fields. Every licence left unknown is justified below.
 */
class LicenseDetectionDifferentialTest {

  /**
   * {@code License} texts that name no single SPDX licence, with why: with no mappable classifier
   * beside them the licence stays unknown, as PEP 639 says an ambiguous one must.
   */
  private static final Map<String, String> AMBIGUOUS_LICENSE_FIELDS =
      Map.ofEntries(
          Map.entry("BSD", "which BSD: 2-Clause, 3-Clause, 4-Clause?"),
          Map.entry("BSD License", "which BSD: 2-Clause, 3-Clause, 4-Clause?"),
          Map.entry("Dual License", "which two? the classifiers name BSD and Apache, no versions"),
          Map.entry("GPL", "which version, only or or-later?"),
          Map.entry("GNU GPL", "which version, only or or-later?"),
          Map.entry("GPLv2", "only or or-later?"),
          Map.entry("GPLv3", "only or or-later?"),
          Map.entry("LGPL", "which version?"),
          Map.entry("GNU LGPL", "which version?"),
          Map.entry("LGPL v3", "only or or-later?"),
          Map.entry("LGPLv3", "only or or-later?"),
          Map.entry("Apache Software License", "which version: 1.0, 1.1, 2.0?"),
          Map.entry("Apache", "which version?"),
          Map.entry("Python 2.1.1", "a Python release's licence, not an SPDX id (PSF-2.0?)"),
          Map.entry(
              "public domain, Python, 2-Clause BSD, GPL 3 (see COPYING.txt)",
              "several licences with no stated relationship (PEP 639: do not infer)"));

  @TempDir Path dir;

  @Test
  void agreesWithImportlibMetadata() throws Exception {
    JsonNode oracle = oracle();
    Map<Path, List<JsonNode>> bySite = new TreeMap<>();
    for (JsonNode d : oracle.path("distributions")) {
      Path path = Path.of(d.path("path").asText());
      bySite.computeIfAbsent(path.getParent(), k -> new ArrayList<>()).add(d);
    }
    assertThat(oracle.path("distributions").size())
        .as("distributions installed for the test interpreter")
        .isGreaterThanOrEqualTo(30);
    List<String> differences = new ArrayList<>();
    List<String> unjustified = new ArrayList<>();
    Map<String, Integer> bases = new TreeMap<>();
    InventoryFiles files = new InventoryFiles(dir);
    for (var site : bySite.entrySet()) {
      Map<String, InstalledEnvironmentReader.Installed> ours =
          new InstalledEnvironmentReader(files).installed(List.of(site.getKey()));
      Map<String, JsonNode> theirs = new LinkedHashMap<>();
      for (JsonNode d : site.getValue()) {
        // importlib lists every copy; the first on the path wins for both
        theirs.putIfAbsent(Requirement.normalizeName(d.path("name").asText()), d);
      }
      assertThat(ours.keySet())
          .as("distributions in " + site.getKey())
          .containsExactlyInAnyOrderElementsOf(theirs.keySet());
      for (var entry : theirs.entrySet()) {
        JsonNode d = entry.getValue();
        InstalledEnvironmentReader.Installed mine = ours.get(entry.getKey());
        if (!mine.name().equals(d.path("name").asText())
            || !mine.version().equals(d.path("version").asText())) {
          differences.add(
              entry.getKey()
                  + ": we read "
                  + mine.name()
                  + " "
                  + mine.version()
                  + ", importlib "
                  + d.path("name").asText()
                  + " "
                  + d.path("version").asText());
        }
        List<String> classifiers = new ArrayList<>();
        d.path("classifiers").forEach(c -> classifiers.add(c.asText()));
        DetectedLicense expected =
            LicenseDetector.detect(
                text(d.path("expression")), text(d.path("license")), classifiers);
        if (!expected.equals(mine.license())) {
          differences.add(
              entry.getKey()
                  + ": from our reading "
                  + mine.license()
                  + ", from importlib's "
                  + expected);
        }
        bases.merge(mine.license().basis().name(), 1, Integer::sum);
        if (mine.license().expression() == null) {
          String why = justification(text(d.path("license")), classifiers);
          if (why == null) {
            unjustified.add(entry.getKey() + ": " + mine.license().declared());
          }
        }
      }
    }
    System.out.printf(
        "licence differential: %d distributions against importlib.metadata, detected by %s%n",
        oracle.path("distributions").size(), bases);
    assertThat(differences).as("licences read differently from importlib.metadata").isEmpty();
    assertThat(unjustified)
        .as("unknown licences with no justification in this test (bases: " + bases + ")")
        .isEmpty();
    // the detection is exercised on every path, or the comparison proves little
    assertThat(bases).containsKeys("LICENSE_FIELD", "CLASSIFIERS", "UNKNOWN");
  }

  /** Why a licence is rightly unknown, or null when it should have been detected. */
  private static String justification(String license, List<String> classifiers) {
    List<String> licenseClassifiers = LicenseDetector.licenseClassifiers(classifiers);
    boolean noField = license == null || license.isBlank() || license.strip().equals("UNKNOWN");
    if (noField && licenseClassifiers.isEmpty()) {
      return "the metadata names no licence";
    }
    if (!noField
        && !license.strip().contains("\n")
        && !AMBIGUOUS_LICENSE_FIELDS.containsKey(license.strip())) {
      return null; // a one-line name we do not know: add it to license-names.tsv or justify it
    }
    if (licenseClassifiers.isEmpty()) {
      return noField ? null : "the License field is a licence text or ambiguous";
    }
    Set<String> ambiguous =
        Set.of(
            "License :: OSI Approved :: BSD License",
            "License :: OSI Approved :: Apache Software License",
            "License :: OSI Approved :: GNU General Public License (GPL)",
            "License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)",
            "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
            "License :: OSI Approved :: GNU General Public License v3 (GPLv3)",
            "License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)",
            "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)");
    return licenseClassifiers.stream().anyMatch(ambiguous::contains)
        ? "an ambiguous classifier PEP 639 forbids inferring from"
        : null;
  }

  private static String text(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.asText();
  }

  private JsonNode oracle() throws IOException, InterruptedException {
    Path script = dir.resolve("metadata_oracle.py");
    try (InputStream in = getClass().getResourceAsStream("metadata_oracle.py")) {
      Files.copy(in, script);
    }
    String python = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
    Path errors = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(python, script.toString()).redirectError(errors.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
    return new ObjectMapper().readTree(out);
  }
}
