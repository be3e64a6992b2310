package io.github.pyrelease.publish.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A condition a stage must meet: before it runs ({@code approval}) or before it counts as done. */
public enum Gate {
  /** A person says yes: {@code pyrelease.approve=<stage>|all}, or "yes" at a prompt. */
  APPROVAL("approval"),
  /** The just-published version installs from the index into a fresh environment and imports. */
  VERIFY_INSTALL("verify-install");

  private final String id;

  Gate(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Gate> fromId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Gate::id).toList();
  }
}
