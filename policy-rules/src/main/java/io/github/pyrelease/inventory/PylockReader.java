package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads a PEP 751 lock file ({@code pylock.toml}, {@code pylock.<name>.toml}): every {@code
 * [[packages]]} entry whose {@code marker} holds in the target environment, with the lock's {@code
 * default-groups} as the dependency groups wanted and no extras.
 */
final class PylockReader {

  private final InventoryFiles files;
  private final MarkerEnvironment environment;

  PylockReader(InventoryFiles files, MarkerEnvironment environment) {
    this.files = files;
    this.environment = environment;
  }

  DependencyInventory read(Path file) {
    String shown = files.display(file);
    TomlParseResult toml = files.toml(file, "a PEP 751 lock file");
    Object lockVersion = toml.get("lock-version");
    if (!(lockVersion instanceof String lockVersionText)) {
      throw new InventoryReadException(
          shown + " has no lock-version, so it is not a PEP 751 lock file",
          shown,
          "regenerate it (pip lock, uv export --format pylock.toml, pdm export) or rename it");
    }
    if (!lockVersionText.equals("1") && !lockVersionText.startsWith("1.")) {
      throw new InventoryReadException(
          shown + " has lock-version " + lockVersionText + "; this audit reads lock-version 1.x",
          shown + ":" + DeclaredDependencyReader.line(toml.inputPositionOf("lock-version")),
          "lock with a tool that writes lock-version 1.0");
    }
    Object packages = toml.get("packages");
    if (packages != null && !(packages instanceof TomlArray)) {
      throw new InventoryReadException(
          "packages in " + shown + " is not an array of tables",
          shown + ":" + DeclaredDependencyReader.line(toml.inputPositionOf("packages")),
          "regenerate the lock file");
    }
    Set<String> groups = new LinkedHashSet<>();
    if (toml.get("default-groups") instanceof TomlArray defaults) {
      for (int i = 0; i < defaults.size(); i++) {
        if (defaults.get(i) instanceof String group) {
          groups.add(group);
        }
      }
    }
    List<Dependency> out = new ArrayList<>();
    TomlArray array = packages == null ? null : (TomlArray) packages;
    for (int i = 0; array != null && i < array.size(); i++) {
      Origin origin = new Origin(shown, DeclaredDependencyReader.line(array.inputPositionOf(i)));
      if (!(array.get(i) instanceof TomlTable table)
          || !(table.get("name") instanceof String name)) {
        throw new InventoryReadException(
            "a [[packages]] entry of " + shown + " has no name",
            origin.where(),
            "regenerate the lock file: every package needs name = \"...\"");
      }
      if (table.get("marker") instanceof String marker
          && !LockMarkers.holds(marker, environment, Set.of(), groups, origin)) {
        continue;
      }
      Object version = table.get("version");
      if (version instanceof String exact) {
        out.add(Dependency.pinned(name, exact, origin, InventorySource.LOCK_FILE));
      } else {
        out.add(
            new Dependency(
                name, null, name + " @ " + where(table), origin, InventorySource.LOCK_FILE));
      }
    }
    return new DependencyInventory(InventorySource.LOCK_FILE, List.of(shown), out);
  }

  /** Where an unversioned package comes from: its vcs, directory or archive. */
  private static String where(TomlTable table) {
    for (String kind : List.of("vcs", "directory", "archive")) {
      if (table.get(kind) instanceof TomlTable source) {
        Object location = source.get("url") != null ? source.get("url") : source.get("path");
        if (location != null) {
          return location.toString();
        }
      }
    }
    return "(no version in the lock file)";
  }
}
