package io.github.pyrelease.policyfile;

import java.util.Objects;

/**
 * One thing wrong in a policy file.
 *
 * @param where the place, with file, line and column
 * @param message what is wrong, naming the value and the valid choices
 * @param fix how to fix it, or {@code null}
 */
public record PolicyProblem(Position where, String message, String fix) {

  public PolicyProblem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return where + ": " + message + (fix == null ? "" : " (fix: " + fix + ")");
  }
}
