package io.github.pyrelease.dist;

/**
 * Something wrong with a distribution as an archive: it cannot be opened, ends early, its members
 * overlap, or reading stopped at a safety limit.
 *
 * @param key stable identifier, such as {@code truncated}
 * @param message what is wrong, in one sentence
 */
public record ArchiveProblem(String key, String message) {}
