package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads Poetry's {@code poetry.lock}: every {@code [[package]]} that is not optional (optional ones
 * are installed only with an extra) and whose {@code markers} (Poetry 2) hold in the target
 * environment.
 */
final class PoetryLockReader {

  private final InventoryFiles files;
  private final MarkerEnvironment environment;

  PoetryLockReader(InventoryFiles files, MarkerEnvironment environment) {
    this.files = files;
    this.environment = environment;
  }

  DependencyInventory read(Path file) {
    String shown = files.display(file);
    TomlParseResult toml = files.toml(file, "a Poetry lock file");
    if (!(toml.get("metadata") instanceof TomlTable metadata)
        || metadata.get("content-hash") == null && metadata.get("lock-version") == null) {
      throw new InventoryReadException(
          shown
              + " has no [metadata] with content-hash or lock-version, so it is not a Poetry"
              + " lock file",
          shown,
          "regenerate it with 'poetry lock', or remove it");
    }
    List<Dependency> out = new ArrayList<>();
    Object packages = toml.get("package");
    if (packages != null && !(packages instanceof TomlArray)) {
      throw new InventoryReadException(
          "package in " + shown + " is not an array of tables", shown, "regenerate it");
    }
    TomlArray array = (TomlArray) packages;
    for (int i = 0; array != null && i < array.size(); i++) {
      Origin origin = new Origin(shown, DeclaredDependencyReader.line(array.inputPositionOf(i)));
      if (!(array.get(i) instanceof TomlTable table)
          || !(table.get("name") instanceof String name)
          || !(table.get("version") instanceof String version)) {
        throw new InventoryReadException(
            "a [[package]] of " + shown + " has no name or version",
            origin.where(),
            "regenerate it with 'poetry lock'");
      }
      if (Boolean.TRUE.equals(table.get("optional"))) {
        continue;
      }
      Object markers = table.get("markers");
      if (markers instanceof String marker
          && !LockMarkers.holds(marker, environment, Set.of(), Set.of(), origin)) {
        continue;
      }
      if (markers instanceof TomlTable perGroup && !anyHolds(perGroup, origin)) {
        continue;
      }
      out.add(Dependency.pinned(name, version, origin, InventorySource.LOCK_FILE));
    }
    return new DependencyInventory(InventorySource.LOCK_FILE, List.of(shown), out);
  }

  /** Poetry 2 writes one marker per group when they differ: installed if any holds. */
  private boolean anyHolds(TomlTable perGroup, Origin origin) {
    for (String group : perGroup.keySet()) {
      if (perGroup.get(List.of(group)) instanceof String marker
          && LockMarkers.holds(marker, environment, Set.of(), Set.of(), origin)) {
        return true;
      }
    }
    return false;
  }
}
