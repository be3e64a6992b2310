package io.github.pyrelease.policyfile;

import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy read from its files and merged: what the engine evaluates, and what the publishing goal
 * reads.
 *
 * @param policy the merged rule settings
 * @param files the files it was read from, in the order they were applied (empty for the built-in
 *     default policy)
 * @param publish the {@code publish} section of the last file that has one, or {@code null}
 * @param environment the {@code environment} values, a child file's replacing its parents' (empty
 *     when no file sets one)
 */
public record LoadedPolicy(
    Policy policy, List<String> files, PublishSection publish, Map<String, String> environment) {

  public LoadedPolicy {
    Objects.requireNonNull(policy, "policy");
    files = List.copyOf(files);
    environment = Map.copyOf(environment);
  }

  /** A policy that sets no target environment. */
  public LoadedPolicy(Policy policy, List<String> files, PublishSection publish) {
    this(policy, files, publish, Map.of());
  }

  /** The built-in default policy: every rule at its default level. */
  public static LoadedPolicy builtIn() {
    return new LoadedPolicy(Policy.defaults(), List.of(), null);
  }

  public Optional<PublishSection> publishSection() {
    return Optional.ofNullable(publish);
  }

  /**
   * The environment dependency markers are evaluated for, when the policy sets one: CPython at
   * {@code python} (default 3.11) on x86-64 Linux, with the marker variables it names replaced.
   */
  public Optional<MarkerEnvironment> markerEnvironment() {
    if (environment.isEmpty()) {
      return Optional.empty();
    }
    String python = environment.get("python");
    MarkerEnvironment target =
        python == null ? MarkerEnvironment.DEFAULT : MarkerEnvironment.forPython(python);
    for (var entry : environment.entrySet()) {
      if (!entry.getKey().equals("python")) {
        target = target.with(entry.getKey(), entry.getValue());
      }
    }
    return Optional.of(target);
  }
}
