package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.InvalidRequirementException;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.Marker;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import java.util.Set;

/** Evaluating the markers lock files carry, with errors that name the lock file's line. */
final class LockMarkers {

  private LockMarkers() {}

  static boolean holds(
      String marker,
      MarkerEnvironment environment,
      Set<String> extras,
      Set<String> groups,
      Origin origin) {
    try {
      return Marker.parse(marker).evaluate(environment, "", extras, groups);
    } catch (InvalidRequirementException e) {
      throw new InventoryReadException(
          "the marker '" + marker + "' in the lock file cannot be evaluated: " + e.getMessage(),
          origin.where(),
          "regenerate the lock file with its tool");
    }
  }
}
