package io.github.pyrelease.policyfile;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Policy;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.RuleSetting;
import io.github.pyrelease.policy.Waiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a policy file and everything it extends, checks it, and merges it into one {@link Policy}.
 * Extended policies apply in the order listed (each after what it extends itself), then the file
 * that extends them. A rule marked {@code locked: true} keeps its level or a higher one, and its
 * options, in every file applied after it.
 */
public final class PolicyLoader {

  /** The policy file a project has when nobody names another. */
  public static final String DEFAULT_FILE = "release-policy.yaml";

  /** Deeper chains than this are a mistake, whatever their shape. */
  private static final int MAX_DEPTH = 10;

  private final RuleRegistry registry;
  private final PolicySources sources;

  public PolicyLoader(RuleRegistry registry, PolicySources sources) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  /**
   * Loads the policy.
   *
   * @param location the policy as the user named it (a path, {@code classpath:...} or an https URL
   *     with its digest), or {@code null} for {@code release-policy.yaml} in the project when it
   *     exists, else the built-in default policy
   * @param baseDir what a relative {@code location} is relative to
   * @param projectDir the Python project
   * @throws PolicyFileException listing every problem in every file
   */
  public LoadedPolicy load(String location, Path baseDir, Path projectDir) {
    PolicyLocation root;
    if (location == null || location.isBlank()) {
      Path file = projectDir.resolve(DEFAULT_FILE);
      if (!Files.isRegularFile(file)) {
        return LoadedPolicy.builtIn();
      }
      root = new PolicyLocation.LocalFile(file, DEFAULT_FILE);
    } else {
      try {
        root = PolicyLocation.parse(location, baseDir, projectDir);
      } catch (IllegalArgumentException e) {
        throw new PyreleaseException(
            e.getMessage(), "policy location", "name a file, classpath:<resource> or https://...");
      }
    }
    List<PolicyProblem> problems = new ArrayList<>();
    List<PolicyLayer> layers = new ArrayList<>();
    new Collector(projectDir, layers, problems)
        .collect(root, Position.of(root.display()), new ArrayDeque<>());
    LoadedPolicy loaded = merge(root, layers, problems);
    if (!problems.isEmpty()) {
      throw new PolicyFileException(inFileOrder(problems));
    }
    return loaded;
  }

  /** Problems by file (in the order files were first named), then line and column. */
  private static List<PolicyProblem> inFileOrder(List<PolicyProblem> problems) {
    List<String> files = problems.stream().map(p -> p.where().file()).distinct().toList();
    return problems.stream()
        .sorted(
            java.util.Comparator.comparingInt((PolicyProblem p) -> files.indexOf(p.where().file()))
                .thenComparingInt(p -> p.where().line())
                .thenComparingInt(p -> p.where().column()))
        .toList();
  }

  /**
   * The location with a relative path made absolute against {@code baseDir}; class path resources
   * and URLs are returned as they are.
   */
  public static String resolvedAgainst(String location, Path baseDir) {
    if (location == null || location.isBlank()) {
      return location;
    }
    String lower = location.strip().toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith(PolicyLocation.PREFIX_CLASSPATH)
        || lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
      return location;
    }
    return baseDir.resolve(location.strip()).normalize().toString();
  }

  /** Reads a policy and, depth first, what it extends, into layers in the order they apply. */
  private final class Collector {
    private final Path projectDir;
    private final List<PolicyLayer> layers;
    private final List<PolicyProblem> problems;

    Collector(Path projectDir, List<PolicyLayer> layers, List<PolicyProblem> problems) {
      this.projectDir = projectDir;
      this.layers = layers;
      this.problems = problems;
    }

    void collect(PolicyLocation location, Position namedAt, Deque<PolicyLocation> chain) {
      if (chain.stream().anyMatch(l -> l.identity().equals(location.identity()))) {
        problems.add(
            new PolicyProblem(
                namedAt,
                cycle(chain, location),
                "remove one of these" + " extends entries: a policy cannot extend itself"));
        return;
      }
      if (chain.size() >= MAX_DEPTH) {
        problems.add(
            new PolicyProblem(
                namedAt,
                "policies extend each other more than " + MAX_DEPTH + " levels deep",
                "flatten the chain of extends"));
        return;
      }
      PolicyLayer layer;
      try {
        PolicyText text = sources.read(location, namedAt);
        layer =
            new PolicyFileParser(registry, projectDir, problems).parse(text, baseDirOf(location));
      } catch (PolicyFileException e) {
        problems.addAll(e.problems());
        return;
      } catch (PyreleaseException e) {
        problems.add(new PolicyProblem(namedAt, e.getMessage(), e.fix()));
        return;
      }
      chain.push(location);
      for (PolicyLayer.Named<PolicyLocation> parent : layer.extended()) {
        collect(parent.value(), parent.at(), chain);
      }
      chain.pop();
      layers.add(layer);
    }

    private String cycle(Deque<PolicyLocation> chain, PolicyLocation again) {
      List<String> names = new ArrayList<>();
      boolean inCycle = false;
      for (var it = chain.descendingIterator(); it.hasNext(); ) {
        PolicyLocation l = it.next();
        inCycle |= l.identity().equals(again.identity());
        if (inCycle) {
          names.add(l.display());
        }
      }
      names.add(again.display());
      return "extends cycle: " + String.join(" -> ", names);
    }
  }

  private static Path baseDirOf(PolicyLocation location) {
    if (location instanceof PolicyLocation.LocalFile file) {
      Path parent = file.path().toAbsolutePath().getParent();
      return parent != null ? parent : file.path().toAbsolutePath();
    }
    return null; // a policy from a jar or a URL may not reach into the local disk
  }

  private LoadedPolicy merge(
      PolicyLocation root, List<PolicyLayer> layers, List<PolicyProblem> problems) {
    Map<String, MergedRule> rules = new LinkedHashMap<>();
    Level unavailable = Policy.DEFAULT_UNAVAILABLE;
    PublishSection publish = null;
    Map<String, String> environment = new LinkedHashMap<>();
    for (PolicyLayer layer : layers) {
      environment.putAll(layer.environment()); // a child's values replace its parents'
      if (layer.unavailable() != null) {
        unavailable = layer.unavailable().value();
      }
      if (layer.publish() != null) {
        publish = layer.publish();
      }
      for (PolicyLayer.RuleEntry entry : layer.rules().values()) {
        Rule rule = registry.find(entry.id()).orElseThrow();
        rules.computeIfAbsent(entry.id(), id -> new MergedRule()).apply(rule, entry, problems);
      }
    }
    Map<String, RuleSetting> settings = new LinkedHashMap<>();
    rules.forEach(
        (id, merged) ->
            settings.put(id, new RuleSetting(merged.level, merged.options, merged.waivers)));
    List<String> files = layers.stream().map(l -> l.location().display()).toList();
    return new LoadedPolicy(
        new Policy(settings, unavailable, origin(root, files)), files, publish, environment);
  }

  private static String origin(PolicyLocation root, List<String> files) {
    List<String> parents =
        files.stream().filter(f -> !f.equals(root.display())).collect(Collectors.toList());
    return "policy "
        + root.display()
        + (parents.isEmpty() ? "" : " extending " + String.join(", ", parents));
  }

  /** One rule's setting as the layers applied so far make it, with its lock if any. */
  private static final class MergedRule {
    private Level level;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private Position lockedAt;
    private Level lockedLevel;

    void apply(Rule rule, PolicyLayer.RuleEntry entry, List<PolicyProblem> problems) {
      waivers.addAll(entry.waivers());
      if (lockedAt != null && !respectsLock(rule, entry, problems)) {
        return;
      }
      if (entry.level() != null) {
        level = entry.level().value();
      }
      options.putAll(entry.options());
      if (entry.locked() != null && entry.locked().value() && lockedAt == null) {
        lockedAt = entry.locked().at();
        lockedLevel = level != null ? level : rule.defaultLevel();
      }
    }

    private boolean respectsLock(
        Rule rule, PolicyLayer.RuleEntry entry, List<PolicyProblem> problems) {
      int before = problems.size();
      String owner = lockedAt.file();
      if (entry.level() != null && entry.level().value().compareTo(lockedLevel) > 0) {
        problems.add(
            new PolicyProblem(
                entry.level().at(),
                "rule '"
                    + rule.id()
                    + "' is locked at level "
                    + lockedLevel.id()
                    + " by "
                    + lockedAt
                    + "; "
                    + entry.level().at().file()
                    + " may raise its level but not lower it to "
                    + entry.level().value().id(),
                "remove '"
                    + rule.id()
                    + ": "
                    + entry.level().value().id()
                    + "' from "
                    + entry.level().at().file()
                    + ", or ask the owners of "
                    + owner
                    + " to change it there"));
      }
      entry
          .options()
          .forEach(
              (name, value) -> {
                if (!options.containsKey(name) || !Objects.equals(options.get(name), value)) {
                  problems.add(
                      new PolicyProblem(
                          entry.optionsAt().get(name),
                          "option '"
                              + name
                              + "' of rule '"
                              + rule.id()
                              + "' is locked by "
                              + lockedAt
                              + "; "
                              + entry.optionsAt().get(name).file()
                              + " cannot change it",
                          "remove the option here, or ask the owners of "
                              + owner
                              + " to change it"));
                }
              });
      if (entry.locked() != null && !entry.locked().value()) {
        problems.add(
            new PolicyProblem(
                entry.locked().at(),
                "rule '" + rule.id() + "' is locked by " + lockedAt + " and cannot be unlocked",
                "remove 'locked: false'"));
      }
      return problems.size() == before;
    }
  }
}
