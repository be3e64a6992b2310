package io.github.pyrelease.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A policy's decision to accept one finding of one rule until a date, for a stated reason. Written
 * in a policy file as {@code ignore: [{ id, until, reason }]} inside the rule's entry.
 *
 * @param id the key of the finding it waives (as reports show it)
 * @param until the last day the waiver holds; from the day after, it waives nothing and is itself
 *     an error
 * @param reason why the finding is accepted
 * @param file the policy file that declares it, as reports show it
 * @param line the line of the waiver in that file (1-based), or 0
 */
public record Waiver(String id, LocalDate until, String reason, String file, int line) {

  public Waiver {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(file, "file");
  }

  /** Whether the waiver still holds on {@code today}. */
  public boolean activeOn(LocalDate today) {
    return !today.isAfter(until);
  }

  /** Where the waiver is declared: {@code file:line}. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }
}
