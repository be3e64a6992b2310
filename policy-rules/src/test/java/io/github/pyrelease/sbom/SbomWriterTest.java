package io.github.pyrelease.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.PackageLicense;
import io.github.pyrelease.license.DetectedLicense;
import io.github.pyrelease.license.DetectedLicense.Basis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomWriterTest {

  @TempDir Path dir;

  private static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

  private static DependencyInventory inventory() {
    Origin lock = new Origin("pylock.toml", 5);
    return new DependencyInventory(
        InventorySource.LOCK_FILE,
        List.of("pylock.toml"),
        List.of(
            Dependency.pinned("Flask_Login", "0.6.3", lock, InventorySource.LOCK_FILE),
            Dependency.pinned(
                "requests", "2.32.3", new Origin("pylock.toml", 9), InventorySource.LOCK_FILE),
            new Dependency(
                "local-tool",
                null,
                "local-tool @ ../tool",
                new Origin("pylock.toml", 13),
                InventorySource.LOCK_FILE)),
        Map.of(
            "requests",
            new PackageLicense(
                "requests",
                "2.32.3",
                new DetectedLicense(
                    "Apache-2.0 OR MIT", Basis.LICENSE_EXPRESSION, "Apache-2.0 OR MIT"),
                new Origin(
                    ".venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA", 0))));
  }

  @Test
  void writesAValidCycloneDxDocumentWithPurlsLicencesAndTheProject() throws Exception {
    Path target = dir.resolve("target/pyrelease/sbom.json");
    new SbomWriter("0.1.0", WHEN)
        .write(inventory(), new SbomWriter.Subject("acme-widgets", "1.2.0"), target);

    byte[] bytes = Files.readAllBytes(target);
    assertThat(new JsonParser().validate(bytes, SbomWriter.VERSION))
        .as("CycloneDX 1.6 JSON schema errors")
        .isEmpty();
    JsonNode bom = new ObjectMapper().readTree(bytes);
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.path("metadata").path("component").path("purl").asText())
        .isEqualTo("pkg:pypi/acme-widgets@1.2.0");
    assertThat(bom.path("metadata").path("timestamp").asText()).startsWith("2026-01-02T03:04:05");
    JsonNode components = bom.path("components");
    assertThat(components.findValuesAsText("purl"))
        .containsExactly(
            "pkg:pypi/flask-login@0.6.3", "pkg:pypi/requests@2.32.3", "pkg:pypi/local-tool");
    assertThat(components.get(1).path("licenses").get(0).path("expression").asText())
        .isEqualTo("Apache-2.0 OR MIT");
    assertThat(components.get(0).has("licenses")).isFalse();
    assertThat(components.get(0).path("properties").get(0).path("value").asText())
        .isEqualTo("pylock.toml:5");
    assertThat(bom.path("dependencies").get(0).path("dependsOn")).hasSize(3);
    // the validator does judge: a component type the schema does not know is refused
    String broken =
        new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
            .replaceFirst("\"type\" : \"library\"", "\"type\" : \"gadget\"");
    assertThat(broken).isNotEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(new JsonParser().validate(broken, SbomWriter.VERSION)).isNotEmpty();
  }

  @Test
  void theSameInputsGiveTheSameFile() {
    SbomWriter writer = new SbomWriter("0.1.0", WHEN);
    SbomWriter.Subject project = new SbomWriter.Subject("acme-widgets", "1.2.0");
    assertThat(writer.json(inventory(), project)).isEqualTo(writer.json(inventory(), project));
  }

  @Test
  void anEmptyInventoryIsStillAValidDocument() throws Exception {
    String json =
        new SbomWriter("0.1.0", WHEN)
            .json(
                new DependencyInventory(InventorySource.DECLARED, List.of(), List.of()),
                new SbomWriter.Subject(null, null));
    assertThat(new JsonParser().validate(json, SbomWriter.VERSION)).isEmpty();
  }
}
