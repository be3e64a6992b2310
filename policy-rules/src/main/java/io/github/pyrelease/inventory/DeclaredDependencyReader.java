package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InvalidRequirementException;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads the dependencies pyproject.toml declares: {@code [project].dependencies}, every extra of
 * {@code [project].optional-dependencies} and every group of {@code [dependency-groups]} (PEP 735,
 * with {@code include-group}). Those whose marker does not hold in the target environment are left
 * out; the rest are requirements, pinned only when written {@code ==V}.
 */
final class DeclaredDependencyReader {

  static final String FILE = "pyproject.toml";

  private final InventoryFiles files;
  private final MarkerEnvironment environment;
  private InventoryFiles.TomlDocument document;

  DeclaredDependencyReader(InventoryFiles files, MarkerEnvironment environment) {
    this.files = files;
    this.environment = environment;
  }

  /** {@code [project].name} of the project in {@code dir}, if it declares one. */
  static Optional<String> projectName(InventoryFiles files, Path dir) {
    Path pyproject = dir.resolve(FILE);
    if (!Files.isRegularFile(pyproject)) {
      return Optional.empty();
    }
    return files.toml(pyproject, "a pyproject.toml").get("project.name") instanceof String name
        ? Optional.of(name)
        : Optional.empty();
  }

  Optional<DependencyInventory> read(Path projectDir) {
    Path pyproject = projectDir.resolve(FILE);
    if (!Files.isRegularFile(pyproject)) {
      return Optional.empty();
    }
    String shown = files.display(pyproject);
    InventoryFiles.TomlDocument document = files.document(pyproject, "a pyproject.toml");
    TomlParseResult toml = document.toml();
    this.document = document;
    List<Dependency> dependencies = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    strings(toml, shown, "project.dependencies")
        .forEach(r -> add(r, "", shown, dependencies, seen));
    TomlTable optional = table(toml, shown, "project.optional-dependencies");
    if (optional != null) {
      for (String extra : optional.keySet()) {
        strings(optional, shown, List.of(extra), "project.optional-dependencies." + extra)
            .forEach(r -> add(r, extra, shown, dependencies, seen));
      }
    }
    TomlTable groups = table(toml, shown, "dependency-groups");
    if (groups != null) {
      Map<String, String> byNormalName = new LinkedHashMap<>();
      for (String group : groups.keySet()) {
        byNormalName.put(Requirement.normalizeName(group), group);
      }
      for (String group : groups.keySet()) {
        for (Located requirement : group(groups, byNormalName, group, shown, new ArrayList<>())) {
          add(requirement, "", shown, dependencies, seen);
        }
      }
    }
    return Optional.of(
        new DependencyInventory(InventorySource.DECLARED, List.of(shown), dependencies));
  }

  private record Located(String text, int line) {}

  private List<Located> group(
      TomlTable groups,
      Map<String, String> byNormalName,
      String group,
      String shown,
      List<String> path) {
    if (path.contains(group)) {
      throw new InventoryReadException(
          "dependency group '"
              + group
              + "' includes itself: "
              + String.join(" -> ", path)
              + " -> "
              + group,
          shown + ":" + line(groups.inputPositionOf(List.of(group))),
          "remove the include-group that leads back to '" + group + "'");
    }
    path.add(group);
    List<Located> out = new ArrayList<>();
    Object value = groups.get(List.of(group));
    if (!(value instanceof TomlArray array)) {
      throw new InventoryReadException(
          "dependency group '" + group + "' is not an array",
          shown + ":" + line(groups.inputPositionOf(List.of(group))),
          "write " + group + " = [\"requirement\", { include-group = \"other\" }]");
    }
    for (int i = 0; i < array.size(); i++) {
      Object item = array.get(i);
      int line = document.line(array.inputPositionOf(i));
      if (item instanceof String text) {
        out.add(new Located(text, line));
      } else if (item instanceof TomlTable table
          && table.size() == 1
          && table.get("include-group") instanceof String included) {
        String target = byNormalName.get(Requirement.normalizeName(included));
        if (target == null) {
          throw new InventoryReadException(
              "dependency group '" + group + "' includes '" + included + "', which is not defined",
              shown + ":" + line,
              "define [dependency-groups] " + included + " or correct the name");
        }
        out.addAll(group(groups, byNormalName, target, shown, path));
      } else {
        throw new InventoryReadException(
            "dependency group '"
                + group
                + "' has an entry that is neither a requirement nor"
                + " { include-group = \"...\" }",
            shown + ":" + line,
            "write a PEP 508 string or { include-group = \"name\" }");
      }
    }
    path.remove(path.size() - 1);
    return out;
  }

  private void add(
      Located located, String extra, String shown, List<Dependency> out, Set<String> seen) {
    Origin origin = new Origin(shown, located.line());
    Requirement requirement;
    try {
      requirement = Requirement.parse(located.text());
    } catch (InvalidRequirementException e) {
      throw new InventoryReadException(
          "'" + located.text() + "' is not a PEP 508 requirement: " + e.getMessage(),
          origin.where(),
          "correct the requirement, such as \"requests>=2.31\"");
    }
    boolean applies;
    try {
      applies = requirement.appliesTo(environment, extra);
    } catch (InvalidRequirementException e) {
      throw new InventoryReadException(
          "the marker '" + requirement.marker() + "' cannot be evaluated: " + e.getMessage(),
          origin.where(),
          "compare a marker variable with a quoted value, such as python_version < \"3.12\"");
    }
    if (!applies
        || !seen.add(Requirement.normalizeName(requirement.name()) + " " + located.text())) {
      return;
    }
    out.add(
        new Dependency(
            requirement.name(),
            requirement.pinnedVersion().orElse(null),
            located.text(),
            origin,
            InventorySource.DECLARED));
  }

  private List<Located> strings(TomlParseResult toml, String shown, String dotted) {
    return strings(toml, shown, List.of(dotted.split("\\.")), dotted);
  }

  private List<Located> strings(TomlTable table, String shown, List<String> key, String display) {
    Object value = table.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof TomlArray array)) {
      throw new InventoryReadException(
          display + " is not an array of strings",
          shown + ":" + line(table.inputPositionOf(key)),
          "write " + display + " = [\"requirement\", ...]");
    }
    List<Located> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof String text)) {
        throw new InventoryReadException(
            display + " holds something that is not a string",
            shown + ":" + line(array.inputPositionOf(i)),
            "write every requirement as a quoted PEP 508 string");
      }
      out.add(new Located(text, document.line(array.inputPositionOf(i))));
    }
    return out;
  }

  private static TomlTable table(TomlParseResult toml, String shown, String dotted) {
    Object value = toml.get(List.of(dotted.split("\\.")));
    if (value == null) {
      return null;
    }
    if (!(value instanceof TomlTable table)) {
      throw new InventoryReadException(
          dotted + " is not a table",
          shown + ":" + line(toml.inputPositionOf(List.of(dotted.split("\\.")))),
          "write [" + dotted + "] with one key per extra or group");
    }
    return table;
  }

  static int line(TomlPosition position) {
    return position == null ? 0 : position.line();
  }
}
