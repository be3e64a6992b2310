package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.Requirement;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads uv's {@code uv.lock}. The lock is universal (every platform at once), so what is installed
 * here is found as {@code uv sync} finds it: from the workspace's own packages (source {@code
 * editable} or {@code virtual}) along the dependency edges whose markers hold in the target
 * environment, with the {@code dev} group and no extras of the workspace; extras that an edge asks
 * for are followed. The workspace's own packages are not listed.
 */
final class UvLockReader {

  private final InventoryFiles files;
  private final MarkerEnvironment environment;

  UvLockReader(InventoryFiles files, MarkerEnvironment environment) {
    this.files = files;
    this.environment = environment;
  }

  private record Node(String name, String version, TomlTable table, Origin origin, boolean local) {}

  DependencyInventory read(Path file) {
    String shown = files.display(file);
    TomlParseResult toml = files.toml(file, "a uv lock file");
    if (!(toml.get("version") instanceof Long)
        || toml.get("package") != null && !(toml.get("package") instanceof TomlArray)) {
      throw new InventoryReadException(
          shown + " has no integer 'version' and [[package]] tables, so it is not a uv lock file",
          shown,
          "regenerate it with 'uv lock', or remove it");
    }
    TomlArray array = toml.getArray("package");
    Map<String, List<Node>> byName = new LinkedHashMap<>();
    List<Node> roots = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      Origin origin = new Origin(shown, DeclaredDependencyReader.line(array.inputPositionOf(i)));
      if (!(array.get(i) instanceof TomlTable table)
          || !(table.get("name") instanceof String name)) {
        throw new InventoryReadException(
            "a [[package]] of " + shown + " has no name",
            origin.where(),
            "regenerate it with 'uv lock'");
      }
      boolean local =
          table.get("source") instanceof TomlTable source
              && (source.get("editable") != null || source.get("virtual") != null);
      Node node = new Node(name, text(table.get("version")), table, origin, local);
      byName.computeIfAbsent(Requirement.normalizeName(name), k -> new ArrayList<>()).add(node);
      if (local) {
        roots.add(node);
      }
    }
    List<Dependency> out = new ArrayList<>();
    if (roots.isEmpty()) {
      byName.values().forEach(nodes -> nodes.forEach(n -> out.add(dependency(n))));
    } else {
      Set<Node> seen = new HashSet<>();
      Set<String> extrasSeen = new HashSet<>();
      Deque<Node> queue = new ArrayDeque<>();
      for (Node root : roots) {
        seen.add(root);
        follow(root.table().get("dependencies"), root, byName, seen, queue, extrasSeen, shown);
        if (root.table().get("dev-dependencies") instanceof TomlTable dev) {
          follow(dev.get("dev"), root, byName, seen, queue, extrasSeen, shown);
        }
      }
      while (!queue.isEmpty()) {
        Node node = queue.poll();
        if (!node.local()) {
          out.add(dependency(node));
        }
        follow(node.table().get("dependencies"), node, byName, seen, queue, extrasSeen, shown);
      }
    }
    return new DependencyInventory(InventorySource.LOCK_FILE, List.of(shown), out);
  }

  private static Dependency dependency(Node node) {
    return node.version() == null
        ? new Dependency(
            node.name(),
            null,
            node.name() + " (no version in the lock file)",
            node.origin(),
            InventorySource.LOCK_FILE)
        : Dependency.pinned(node.name(), node.version(), node.origin(), InventorySource.LOCK_FILE);
  }

  private void follow(
      Object edges,
      Node from,
      Map<String, List<Node>> byName,
      Set<Node> seen,
      Deque<Node> queue,
      Set<String> extrasSeen,
      String shown) {
    if (!(edges instanceof TomlArray array)) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof TomlTable edge) || !(edge.get("name") instanceof String name)) {
        continue;
      }
      if (edge.get("marker") instanceof String marker
          && !LockMarkers.holds(marker, environment, Set.of(), Set.of(), from.origin())) {
        continue;
      }
      Node target = resolve(name, text(edge.get("version")), byName);
      if (target == null) {
        throw new InventoryReadException(
            name + ", a dependency of " + from.name() + ", has no [[package]] in " + shown,
            from.origin().where(),
            "regenerate it with 'uv lock'");
      }
      if (seen.add(target)) {
        queue.add(target);
      }
      if (edge.get("extra") instanceof TomlArray extras
          && target.table().get("optional-dependencies") instanceof TomlTable optional) {
        for (int e = 0; e < extras.size(); e++) {
          String extra = String.valueOf(extras.get(e));
          if (extrasSeen.add(Requirement.normalizeName(target.name()) + "[" + extra + "]")) {
            follow(optional.get(List.of(extra)), target, byName, seen, queue, extrasSeen, shown);
          }
        }
      }
    }
  }

  /** A string value, or null for a missing one or one of another type (a damaged lock). */
  private static String text(Object value) {
    return value instanceof String text ? text : null;
  }

  private static Node resolve(String name, String version, Map<String, List<Node>> byName) {
    List<Node> nodes = byName.get(Requirement.normalizeName(name));
    if (nodes == null) {
      return null;
    }
    if (version == null) {
      return nodes.get(0);
    }
    return nodes.stream().filter(n -> version.equals(n.version())).findFirst().orElse(nodes.get(0));
  }
}
