package io.github.pyrelease.policyfile;

import io.github.pyrelease.policy.Policy;
import java.util.List;
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
 */
public record LoadedPolicy(Policy policy, List<String> files, PublishSection publish) {

  public LoadedPolicy {
    Objects.requireNonNull(policy, "policy");
    files = List.copyOf(files);
  }

  /** The built-in default policy: every rule at its default level. */
  public static LoadedPolicy builtIn() {
    return new LoadedPolicy(Policy.defaults(), List.of(), null);
  }

  public Optional<PublishSection> publishSection() {
    return Optional.ofNullable(publish);
  }
}
