package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the literal a module assigns to an attribute, as setuptools' {@code attr:} and flit read
 * {@code __version__}: the first module-level assignment counts. When the module does not assign
 * the name but imports it ({@code from ._version import __version__}), the import is followed, as
 * the backend's fallback of importing the module would; at most {@value #MAX_IMPORT_HOPS} hops.
 */
final class ModuleAttributeReader {

  static final int MAX_IMPORT_HOPS = 5;

  /**
   * Where the lookup comes from, for labels and messages.
   *
   * @param label how the configuration is named, such as {@code [tool.setuptools.dynamic] version
   *     attr}
   * @param where {@code file:line} of that configuration
   * @param acceptTuple whether the backend turns a tuple into a version (setuptools does)
   */
  record Route(String label, String where, boolean acceptTuple) {}

  private final ProjectFiles files;

  ModuleAttributeReader(ProjectFiles files) {
    this.files = files;
  }

  /**
   * @param moduleFile the module's file, relative to the project
   * @param attribute the attribute name, such as {@code __version__}
   * @param importRoots directories where top-level packages live, for absolute imports
   */
  Lookup find(String moduleFile, String attribute, List<String> importRoots, Route route) {
    String file = moduleFile;
    String name = attribute;
    Set<String> visited = new HashSet<>();
    for (int hop = 0; hop <= MAX_IMPORT_HOPS && visited.add(file + "#" + name); hop++) {
      ModuleVersionScanner.Module module = ModuleVersionScanner.scan(files.read(file));
      Optional<ModuleVersionScanner.Assignment> assignment = module.assignmentTo(name);
      if (assignment.isPresent()) {
        return literal(file, name, assignment.get(), route);
      }
      Optional<ModuleVersionScanner.Import> imported = module.importOf(name);
      if (imported.isEmpty()) {
        return Lookup.missing(
            file + " does not assign " + name + " at module level (" + route.label() + ")",
            route.where(),
            "add " + name + " = \"0.1.0\" to " + file + ", or correct " + route.label());
      }
      ModuleVersionScanner.Import from = imported.get();
      List<String> candidates = importCandidates(file, from.module(), importRoots);
      Optional<String> target = candidates.stream().filter(files::isFile).findFirst();
      if (target.isEmpty()) {
        return Lookup.missing(
            "cannot find module "
                + from.module()
                + " that "
                + file
                + " imports "
                + name
                + " from (looked for "
                + String.join(", ", candidates)
                + ")",
            file + ":" + from.line(),
            "assign " + name + " = \"0.1.0\" in " + file + " or correct the import");
      }
      file = target.get();
      name = from.name();
    }
    return Lookup.missing(
        name + " is imported in a loop or through more than " + MAX_IMPORT_HOPS + " modules",
        route.where(),
        "assign the version as a string literal in the module " + route.label() + " names");
  }

  private static Lookup literal(
      String file, String name, ModuleVersionScanner.Assignment assignment, Route route) {
    String where = file + ":" + assignment.line();
    if (!assignment.literal()) {
      return Lookup.missing(
          name
              + " is not assigned a literal in "
              + file
              + ": its value is computed when the module runs, so pyrelease cannot read it ("
              + route.label()
              + ")",
          where,
          "assign a plain string: " + name + " = \"1.2.3\"");
    }
    if (assignment.tuple() && !route.acceptTuple()) {
      return Lookup.missing(
          name + " is a tuple in " + file + ", but the build backend needs a string",
          where,
          "assign a plain string: " + name + " = \"" + assignment.value().value() + "\"");
    }
    String label = ModuleVersionScanner.label(name, assignment) + " (" + route.label() + ")";
    return Lookup.found(assignment.value().source(SourceKind.MODULE, label, false));
  }

  /** The files a {@code from <module> import} in {@code file} may name, in lookup order. */
  private List<String> importCandidates(String file, String module, List<String> roots) {
    List<String> bases = new ArrayList<>();
    String dotted = module;
    if (module.startsWith(".")) {
      int dots = 0;
      while (dots < module.length() && module.charAt(dots) == '.') {
        dots++;
      }
      String base = parent(file);
      for (int i = 1; i < dots; i++) {
        base = parent(base);
      }
      bases.add(base);
      dotted = module.substring(dots);
    } else {
      bases.addAll(roots);
    }
    List<String> candidates = new ArrayList<>();
    for (String base : bases) {
      if (dotted.isEmpty()) {
        candidates.add(files.join(base, "__init__.py"));
        continue;
      }
      String path = files.join(base, dotted.replace('.', '/'));
      candidates.add(path + "/__init__.py"); // a package wins over a module, as in Python
      candidates.add(path + ".py");
    }
    return candidates;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
