package io.github.pyrelease.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One requirement as an interpreter sees it, judged by the build hooks script (so the choice of an
 * interpreter and the build itself agree on what is met).
 *
 * @param requirement the requirement as written ({@code flit_core >=3.2,<4})
 * @param name the distribution it names
 * @param installed the installed version, or {@code null} when none is
 * @param problem why it is unmet ({@code not installed}, {@code version 3.8.0 is installed}), or
 *     {@code null} when it is met
 * @param tooOld whether the installed version is below what the requirement asks for
 */
public record RequirementState(
    String requirement, String name, String installed, String problem, boolean tooOld) {

  public boolean met() {
    return problem == null;
  }

  /** Installed, but in a version the requirement excludes. */
  public boolean excluded() {
    return installed != null && problem != null;
  }

  /** The states the hooks script reported: {@code [{"requirement", "name", "installed", ...}]}. */
  public static List<RequirementState> fromJson(JsonNode states) {
    List<RequirementState> read = new ArrayList<>();
    for (JsonNode state : states) {
      String requirement = state.path("requirement").asText();
      read.add(
          new RequirementState(
              requirement,
              state.path("name").asText(requirement),
              textOrNull(state.get("installed")),
              textOrNull(state.get("problem")),
              state.path("too_old").asBoolean(false)));
    }
    return read;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
