package io.github.pyrelease.policyfile;

import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Waiver;
import java.util.List;
import java.util.Map;

/**
 * One policy file as written, before it is merged with what it extends.
 *
 * @param location where it came from
 * @param extended what it extends, in order, each with the place it is named
 * @param rules what it says about each rule, in file order
 * @param unavailable its {@code unavailable} level, or {@code null}
 * @param publish its {@code publish} section, or {@code null}
 * @param environment its {@code environment}: marker variables (and {@code python}) to values
 */
record PolicyLayer(
    PolicyLocation location,
    List<Named<PolicyLocation>> extended,
    Map<String, RuleEntry> rules,
    Named<Level> unavailable,
    PublishSection publish,
    Map<String, String> environment) {

  /** A value and the place it is written. */
  record Named<T>(T value, Position at) {}

  /**
   * What one file says about one rule; {@code null} for what it does not say.
   *
   * @param id the rule
   * @param at the rule's key
   * @param level its level and where, or {@code null}
   * @param locked {@code locked} and where, or {@code null}
   * @param options option name to raw value
   * @param optionsAt option name to the place it is written
   * @param waivers its {@code ignore} entries
   */
  record RuleEntry(
      String id,
      Position at,
      Named<Level> level,
      Named<Boolean> locked,
      Map<String, Object> options,
      Map<String, Position> optionsAt,
      List<Waiver> waivers) {}
}
