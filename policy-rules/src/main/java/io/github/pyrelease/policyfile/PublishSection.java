package io.github.pyrelease.policyfile;

import java.util.List;
import java.util.Map;

/**
 * The {@code publish} section of a policy as written: a list of maps whose meaning the publishing
 * goal defines and validates. Kept raw, with the place of every entry and key, so that its messages
 * can name the file, line and column.
 *
 * @param entries the stages in order
 * @param at the {@code publish} key
 */
public record PublishSection(List<Entry> entries, Position at) {

  public PublishSection {
    entries = List.copyOf(entries);
  }

  /**
   * One stage.
   *
   * @param values key to plain value (String, Long, Double, Boolean, List, Map or {@code null})
   * @param at the entry
   * @param keysAt key to the place it is written
   */
  public record Entry(Map<String, Object> values, Position at, Map<String, Position> keysAt) {

    public Entry {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
      keysAt = Map.copyOf(keysAt);
    }
  }
}
