package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows setuptools' version configuration: {@code [tool.setuptools.dynamic] version} in
 * pyproject.toml and {@code [metadata] version} in setup.cfg, each a literal (setup.cfg only), an
 * {@code attr} (a module attribute, the module found through {@code package-dir}, {@code
 * packages.find where} or the src layout, as setuptools' {@code expand.read_attr} finds it) or a
 * {@code file} (whose stripped content is the version; inside the project only).
 */
final class SetuptoolsVersionReader {

  private static final String[] DYNAMIC_VERSION = {"tool", "setuptools", "dynamic", "version"};
  private static final String PYPROJECT_ROUTE = "[tool.setuptools.dynamic] version";
  private static final String SETUP_CFG_ROUTE = "setup.cfg [metadata] version";

  /**
   * Where setuptools looks for modules.
   *
   * @param packageDir {@code package-dir} entries for named top-level packages
   * @param roots directories holding top-level packages (the root package directory)
   */
  record Layout(Map<String, String> packageDir, List<String> roots) {}

  private final ProjectFiles files;

  SetuptoolsVersionReader(ProjectFiles files) {
    this.files = files;
  }

  static boolean configured(Pyproject pyproject) {
    return pyproject.toml().contains(DYNAMIC_VERSION);
  }

  /** {@code [tool.setuptools.dynamic] version}, if configured. */
  Optional<Lookup> read(Pyproject pyproject) {
    TomlFile toml = pyproject.toml();
    if (!configured(pyproject)) {
      return Optional.empty();
    }
    toml.table(DYNAMIC_VERSION); // a plain string here is a type error, named by TomlFile
    Optional<Located> attr = toml.string(key("attr"));
    if (attr.isPresent()) {
      return Optional.of(readAttr(attr.get(), layout(pyproject), PYPROJECT_ROUTE + " attr"));
    }
    Optional<List<Located>> file = toml.strings(true, key("file"));
    if (file.isPresent()) {
      return Optional.of(readFiles(file.get(), PYPROJECT_ROUTE + " file", toml.where(key("file"))));
    }
    return Optional.of(
        Lookup.missing(
            PYPROJECT_ROUTE + " has neither attr nor file",
            toml.where(DYNAMIC_VERSION),
            "write version = {attr = \"<package>.__version__\"} or version = {file = \"VERSION\"}"));
  }

  /** {@code [metadata] version} of setup.cfg, if present. */
  Optional<Lookup> read(SetupCfg setupCfg) {
    Optional<IniFile.Option> option = setupCfg.version();
    if (option.isEmpty()) {
      return Optional.empty();
    }
    Located value = option.get().located();
    if (value.value().startsWith("attr:")) {
      Located attr = strip(value, "attr:");
      return Optional.of(readAttr(attr, layout(setupCfg), SETUP_CFG_ROUTE + " attr:"));
    }
    if (value.value().startsWith("file:")) {
      Located spec = strip(value, "file:");
      List<Located> paths = new ArrayList<>();
      for (String path : spec.value().split(",")) {
        paths.add(new Located(path.strip(), spec.file(), spec.line(), spec.column()));
      }
      return Optional.of(readFiles(paths, SETUP_CFG_ROUTE + " file:", value.where()));
    }
    return Optional.of(
        Lookup.found(value.source(SourceKind.SETUP_CFG, "[metadata] version", false)));
  }

  private Lookup readAttr(Located attr, Layout layout, String route) {
    String description = attr.value().strip();
    int dot = description.lastIndexOf('.');
    String attribute = description.substring(dot + 1);
    String module = dot < 0 ? "__init__" : description.substring(0, dot);
    List<String> candidates = new ArrayList<>();
    String[] parts = module.split("\\.");
    String rest = String.join("/", Arrays.copyOfRange(parts, 1, parts.length));
    if (layout.packageDir().containsKey(parts[0])) {
      addModuleCandidates(candidates, files.join(layout.packageDir().get(parts[0]), rest));
    } else {
      for (String root : layout.roots()) {
        addModuleCandidates(candidates, files.join(root, module.replace('.', '/')));
      }
    }
    Optional<String> file = candidates.stream().filter(files::isFile).findFirst();
    if (file.isEmpty()) {
      return Lookup.missing(
          "cannot find module "
              + module
              + " named by "
              + route
              + " \""
              + description
              + "\" (looked for "
              + String.join(", ", candidates)
              + ")",
          attr.where(),
          "create the module, correct the attr, or tell setuptools where packages are"
              + " ([tool.setuptools] package-dir, [tool.setuptools.packages.find] where)");
    }
    return new ModuleAttributeReader(files)
        .find(
            file.get(),
            attribute,
            layout.roots(),
            new ModuleAttributeReader.Route(route, attr.where(), true));
  }

  // setuptools' _find_module tries <path>.py before <path>/__init__.py
  private static void addModuleCandidates(List<String> candidates, String path) {
    candidates.add(path + ".py");
    candidates.add(path + "/__init__.py");
  }

  private Lookup readFiles(List<Located> paths, String route, String where) {
    List<String> existing = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (Located path : paths) {
      String file = files.normalise(path.value());
      if (file.equals("..") || file.startsWith("../")) {
        return Lookup.missing(
            route + " names " + path.value() + ", outside the project; setuptools refuses it",
            path.where(),
            "keep the version file inside the project directory");
      }
      all.add(file);
      if (files.isFile(file)) {
        existing.add(file);
      }
    }
    if (existing.isEmpty()) {
      return Lookup.missing(
          "version file " + String.join(", ", all) + " does not exist (" + route + ")",
          where,
          "create " + all.get(0) + " holding the version, or correct " + route);
    }
    if (existing.size() > 1) {
      return Lookup.missing(
          route + " names " + existing.size() + " existing files; setuptools would join them",
          where,
          "keep the version in one file and name only that one");
    }
    return VersionFileReader.read(files, existing.get(0), "version file (" + route + ")", where);
  }

  /** Where setuptools finds modules for pyproject.toml's configuration. */
  private Layout layout(Pyproject pyproject) {
    TomlFile toml = pyproject.toml();
    Map<String, String> packageDir = toml.stringTable("tool", "setuptools", "package-dir");
    List<String> where =
        toml
            .strings(false, "tool", "setuptools", "packages", "find", "where")
            .orElse(List.of())
            .stream()
            .map(Located::value)
            .toList();
    boolean explicit =
        toml.contains("tool", "setuptools", "packages")
            || toml.contains("tool", "setuptools", "py-modules");
    return layout(packageDir, where, explicit);
  }

  private Layout layout(SetupCfg setupCfg) {
    boolean explicit =
        setupCfg.ini().option("options", "packages").isPresent()
            || setupCfg.ini().option("options", "py_modules").isPresent();
    return layout(setupCfg.packageDir(), setupCfg.findWhere(), explicit);
  }

  /**
   * setuptools' own order: an explicit root package directory, else {@code find where}, else the
   * src layout that auto-discovery picks when packages are not listed and {@code src/} exists.
   */
  private Layout layout(Map<String, String> packageDir, List<String> where, boolean explicit) {
    Map<String, String> named = new LinkedHashMap<>(packageDir);
    String root = named.remove("");
    if (root != null) {
      return new Layout(named, List.of(root));
    }
    if (!where.isEmpty()) {
      return new Layout(named, where);
    }
    if (named.isEmpty() && !explicit && files.isDirectory("src")) {
      return new Layout(named, List.of("src"));
    }
    return new Layout(named, List.of(""));
  }

  private static String[] key(String last) {
    String[] key = Arrays.copyOf(DYNAMIC_VERSION, DYNAMIC_VERSION.length + 1);
    key[DYNAMIC_VERSION.length] = last;
    return key;
  }

  private static Located strip(Located value, String prefix) {
    String rest = value.value().substring(prefix.length());
    String stripped = rest.strip();
    int skipped = prefix.length() + rest.indexOf(stripped);
    return new Located(stripped, value.file(), value.line(), value.column() + skipped);
  }
}
