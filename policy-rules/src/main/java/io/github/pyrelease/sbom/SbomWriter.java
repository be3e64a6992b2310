package io.github.pyrelease.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.PackageLicense;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes a CycloneDX 1.6 JSON SBOM of a dependency inventory with CycloneDX's own library: one
 * component per dependency (its {@code pkg:pypi} purl, its licence expression when known, where it
 * was read as a property), the project as the metadata component that depends on all of them, and
 * pyrelease as the tool. The serial number is derived from the content and the time is the
 * caller's, so the same inputs give the same file (reproducible builds).
 */
public final class SbomWriter {

  /** The file name the audit writes under its report directory. */
  public static final String FILE = "sbom.json";

  /** The CycloneDX specification version written. */
  public static final Version VERSION = Version.VERSION_16;

  /** The project the SBOM describes: its name and version, either of which may be unknown. */
  public record Subject(String name, String version) {}

  private final String toolVersion;
  private final Instant timestamp;

  /**
   * @param toolVersion pyrelease's version, as the SBOM names its tool
   * @param timestamp when the SBOM is said to be made (SOURCE_DATE_EPOCH for reproducible builds)
   */
  public SbomWriter(String toolVersion, Instant timestamp) {
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * Writes the SBOM to {@code target} atomically (readers see the old file or the new one).
   *
   * @throws PyreleaseException when the file cannot be written
   */
  public Path write(DependencyInventory inventory, Subject project, Path target) {
    AtomicFiles.writeString(target, json(inventory, project));
    return target;
  }

  /** The SBOM as JSON text. */
  public String json(DependencyInventory inventory, Subject project) {
    Bom bom = new Bom();
    Component root = new Component();
    root.setType(Component.Type.LIBRARY);
    root.setName(project.name() == null ? "unnamed-project" : project.name());
    root.setVersion(project.version());
    String rootRef = project.name() == null ? "project" : purl(project.name(), project.version());
    if (project.name() != null) {
      root.setPurl(rootRef);
    }
    root.setBomRef(rootRef);

    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(timestamp));
    metadata.setComponent(root);
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setGroup("io.github.pyrelease");
    tool.setName("pyrelease");
    tool.setVersion(toolVersion);
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    metadata.addProperty(new Property("pyrelease:inventory:source", inventory.source().name()));
    for (String file : inventory.files()) {
      metadata.addProperty(new Property("pyrelease:inventory:file", file));
    }
    bom.setMetadata(metadata);

    List<Component> components = new ArrayList<>();
    Set<String> refs = new LinkedHashSet<>();
    for (Dependency d : inventory.dependencies()) {
      String ref = purl(d.name(), d.version());
      if (!refs.add(ref)) {
        continue; // a bom-ref must be unique: the same package without a version, twice
      }
      Component component = new Component();
      component.setType(Component.Type.LIBRARY);
      component.setName(d.name());
      component.setVersion(d.version());
      component.setPurl(ref);
      component.setBomRef(ref);
      inventory
          .licenseOf(d)
          .map(PackageLicense::license)
          .filter(l -> l.expression() != null)
          .ifPresent(
              l -> {
                LicenseChoice choice = new LicenseChoice();
                choice.setExpression(new Expression(l.expression()));
                component.setLicenses(choice);
              });
      component.addProperty(new Property("pyrelease:origin", d.origin().where()));
      if (d.version() == null) {
        component.addProperty(new Property("pyrelease:requirement", d.requirement()));
      }
      components.add(component);
    }
    bom.setComponents(components);
    org.cyclonedx.model.Dependency graph = new org.cyclonedx.model.Dependency(rootRef);
    for (String ref : refs) {
      graph.addDependency(new org.cyclonedx.model.Dependency(ref));
    }
    bom.setDependencies(new ArrayList<>(List.of(graph)));
    bom.setSerialNumber("urn:uuid:" + serial(rootRef, refs));
    try {
      return BomGeneratorFactory.createJson(VERSION, bom).toJsonString() + "\n";
    } catch (GeneratorException e) {
      throw new PyreleaseException(
          "cannot write the SBOM: " + e.getMessage(), null, "report this as a pyrelease bug", e);
    }
  }

  /** {@code pkg:pypi/<name>@<version>}, the name normalised as the purl type for PyPI says. */
  static String purl(String name, String version) {
    try {
      PackageURLBuilder builder =
          PackageURLBuilder.aPackageURL()
              .withType(PackageURL.StandardTypes.PYPI)
              .withName(Requirement.normalizeName(name));
      if (version != null) {
        builder.withVersion(version);
      }
      return builder.build().canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("no package URL for " + name + " " + version, e);
    }
  }

  private String serial(String root, Set<String> refs) {
    String content = root + "\n" + String.join("\n", refs) + "\n" + timestamp;
    return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
