package io.github.pyrelease.policy;

import java.util.Objects;

/** A rule that states its id, stage, default level and purpose once, in its constructor. */
public abstract class AbstractRule implements Rule {

  private final String id;
  private final Stage stage;
  private final Level defaultLevel;
  private final String description;

  protected AbstractRule(String id, Stage stage, Level defaultLevel, String description) {
    this.id = Objects.requireNonNull(id, "id");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Stage stage() {
    return stage;
  }

  @Override
  public final Level defaultLevel() {
    return defaultLevel;
  }

  @Override
  public final String description() {
    return description;
  }
}
