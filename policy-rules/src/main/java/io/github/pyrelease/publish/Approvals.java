package io.github.pyrelease.publish;

import io.github.pyrelease.publish.plan.PublishPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may say yes at an {@code approval} gate: the stages named by {@code pyrelease.approve} (or
 * {@code all}), else a person at a prompt when the build may ask one.
 */
public final class Approvals {

  /** Asks a person, when there is one to ask. */
  public interface Prompter {
    /**
     * Shows {@code question} and returns the answer line, or empty when nobody can answer (batch
     * mode, no console).
     */
    Optional<String> ask(String question);

    /** Nobody to ask: batch mode, CI. */
    Prompter NONE = question -> Optional.empty();
  }

  private final Set<String> approved;
  private final Prompter prompter;
  private final String howToApprove;

  /**
   * @param approve the stages approved beforehand, comma-separated, or {@code all}; may be null
   * @param prompter who to ask otherwise
   * @param howToApprove how this surface approves a stage, with {@code {stage}} in it, such as
   *     {@code mvn deploy -Dpyrelease.approve={stage}}
   */
  public Approvals(String approve, Prompter prompter, String howToApprove) {
    this.approved =
        approve == null
            ? Set.of()
            : Arrays.stream(approve.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    this.prompter = prompter;
    this.howToApprove = howToApprove;
  }

  /** Stage names approved beforehand that no stage has, so a typo does not pass silently. */
  public List<String> unknown(PublishPlan plan) {
    return approved.stream()
        .filter(name -> !name.equals("all") && plan.stage(name).isEmpty())
        .sorted()
        .toList();
  }

  /**
   * How {@code stage} was approved, or empty when it was not.
   *
   * @param question what the prompt asks
   */
  public Optional<String> approve(String stage, String question) {
    if (approved.contains(stage) || approved.contains("all")) {
      return Optional.of("pyrelease.approve");
    }
    return prompter
        .ask(question + " Type yes to approve: ")
        .filter(answer -> answer.strip().equalsIgnoreCase("yes"))
        .map(answer -> "a yes at the prompt");
  }

  /** The command that approves {@code stage}. */
  public String howToApprove(String stage) {
    return howToApprove.replace("{stage}", stage);
  }
}
