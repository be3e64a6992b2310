package io.github.pyrelease.policyfile;

import io.github.pyrelease.PyreleaseException;
import java.util.List;

/**
 * The policy cannot be used: every problem found in every file it consists of, reported together so
 * one run shows them all.
 */
public final class PolicyFileException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  /** More would not fit one screen; the first ones are usually the cause of the rest. */
  private static final int SHOWN = 15;

  private final transient List<PolicyProblem> problems;

  public PolicyFileException(List<PolicyProblem> problems) {
    this(problems, null);
  }

  public PolicyFileException(List<PolicyProblem> problems, Throwable cause) {
    super(what(problems), where(problems), fix(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public static PolicyFileException of(Position where, String message, String fix) {
    return new PolicyFileException(List.of(new PolicyProblem(where, message, fix)));
  }

  public List<PolicyProblem> problems() {
    return problems;
  }

  private static String what(List<PolicyProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a policy file exception needs a problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    StringBuilder text =
        new StringBuilder().append(problems.size()).append(" problems in the release policy:");
    problems.stream()
        .limit(SHOWN)
        .forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
    if (problems.size() > SHOWN) {
      text.append(System.lineSeparator())
          .append("  ... and ")
          .append(problems.size() - SHOWN)
          .append(" more");
    }
    return text.toString();
  }

  private static String where(List<PolicyProblem> problems) {
    return problems.size() == 1 ? problems.get(0).where().toString() : null;
  }

  private static String fix(List<PolicyProblem> problems) {
    return problems.size() == 1 ? problems.get(0).fix() : null;
  }
}
