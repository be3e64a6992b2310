package io.github.pyrelease.python;

import io.github.pyrelease.Hint;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.Setting;
import io.github.pyrelease.python.InterpreterCandidates.Candidate;
import io.github.pyrelease.python.InterpreterProbe.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The interpreter chosen when the user names none: the first candidate that meets the project's
 * requires-python and every build requirement, asked in order (later ones are not started).
 *
 * @param interpreter the one chosen
 * @param reason one line saying which it is and why, and what the candidates before it lacked
 */
public record InterpreterChoice(PythonInterpreter interpreter, String reason) {

  /**
   * Chooses among {@code candidates} for the project in {@code projectDir}.
   *
   * @param requires what the interpreter must have installed (PEP 508)
   * @param requiresPython the project's requires-python, or {@code null}
   * @throws PyreleaseException when none fits: each candidate and what it lacks, and what to
   *     install into the best one
   */
  public static InterpreterChoice choose(
      List<Candidate> candidates,
      InterpreterProbe probe,
      Path projectDir,
      List<String> requires,
      String requiresPython) {
    return choose(candidates, probe, projectDir, requires, requiresPython, "build this project");
  }

  /**
   * Chooses as {@link #choose(List, InterpreterProbe, Path, List, String)} does, for another
   * purpose than the build.
   *
   * @param purpose what the interpreter is for, as the error says it ("check this long
   *     description")
   */
  public static InterpreterChoice choose(
      List<Candidate> candidates,
      InterpreterProbe probe,
      Path projectDir,
      List<String> requires,
      String requiresPython,
      String purpose) {
    List<Answer> passed = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Answer answer = probe.ask(candidate, projectDir, requires, requiresPython);
      if (answer.fits()) {
        PythonInterpreter chosen =
            new PythonInterpreter(candidate.label(), answer.executable(), answer.version());
        StringBuilder reason =
            new StringBuilder("Python: ")
                .append(candidate.label())
                .append(" (")
                .append(answer.version())
                .append("): ")
                .append(has(answer, requiresPython));
        if (!passed.isEmpty()) {
          reason
              .append("; ")
              .append(
                  passed.stream()
                      .map(a -> describe(a, requiresPython))
                      .collect(Collectors.joining("; ")));
        }
        return new InterpreterChoice(chosen, reason.toString());
      }
      passed.add(answer);
    }
    throw none(passed, projectDir, requires, requiresPython, purpose);
  }

  /** "has hatchling 1.21, flit_core 3.9" or, with nothing to have, "meets requires-python". */
  private static String has(Answer answer, String requiresPython) {
    List<String> parts = new ArrayList<>();
    if (!answer.requirements().isEmpty()) {
      parts.add(
          "has "
              + answer.requirements().stream()
                  .map(r -> r.name() + " " + r.installed())
                  .collect(Collectors.joining(", ")));
    }
    if (requiresPython != null) {
      parts.add(
          answer.requiresPython() != null
              ? "meets requires-python " + requiresPython
              : "requires-python " + requiresPython + " not checked (it has no packaging module)");
    }
    return parts.isEmpty() ? "the first that runs" : String.join(", ", parts);
  }

  /** "python3 on PATH (/usr/local/bin/python3, 3.12.1) lacks hatchling (not installed)". */
  private static String describe(Answer answer, String requiresPython) {
    String who =
        answer.candidate().label()
            + (answer.version() == null ? "" : " (" + answer.version() + ")");
    if (!answer.runs()) {
      return who + " " + answer.failure();
    }
    List<String> lacks = new ArrayList<>();
    if (Boolean.FALSE.equals(answer.requiresPython())) {
      lacks.add("is outside requires-python " + requiresPython);
    }
    if (!answer.unmet().isEmpty()) {
      lacks.add(
          "lacks "
              + answer.unmet().stream()
                  .map(r -> r.requirement() + " (" + r.problem() + ")")
                  .collect(Collectors.joining(", ")));
    }
    return who + " " + String.join(" and ", lacks);
  }

  private static PyreleaseException none(
      List<Answer> answers,
      Path projectDir,
      List<String> requires,
      String requiresPython,
      String purpose) {
    if (answers.isEmpty()) {
      return PyreleaseException.hinted(
          "no Python interpreter found: none in .venv/ or venv/, no $VIRTUAL_ENV, no python3 on"
              + " the PATH, no system Python",
          "pyrelease.python",
          Hint.of(
              "install Python 3.8 or newer (Debian/Ubuntu: apt-get install python3), or name the"
                  + " interpreter (",
              Setting.PYTHON.is("/path/to/python3"),
              ")"));
    }
    String list =
        answers.stream()
            .map(a -> System.lineSeparator() + "  - " + describe(a, requiresPython))
            .collect(Collectors.joining());
    // The best is the one closest to fitting: it runs, meets requires-python, lacks the least;
    // the earlier candidate (the project's own environment first) wins a tie.
    Answer best =
        answers.stream()
            .filter(a -> a.runs() && !Boolean.FALSE.equals(a.requiresPython()))
            .min(Comparator.comparingInt(a -> a.unmet().size()))
            .orElse(null);
    Hint fix;
    if (best == null) {
      fix =
          Hint.of(
              "install a Python that meets requires-python "
                  + requiresPython
                  + " (uv python install, pyenv install, or the system's package), or name it (",
              Setting.PYTHON.is("/path/to/python3"),
              ")");
    } else {
      PythonInterpreter python =
          new PythonInterpreter(best.candidate().label(), best.executable(), best.version());
      Hint install = InstallHints.unmet(python, best.unmet(), requires, false, projectDir);
      fix = Hint.of("for " + best.candidate().label() + ", ", install);
    }
    List<String> needs = new ArrayList<>(requires);
    if (requiresPython != null) {
      needs.add(0, "requires-python " + requiresPython);
    }
    return PyreleaseException.hinted(
        "no Python interpreter can "
            + purpose
            + (needs.isEmpty() ? "" : " (it needs " + String.join(", ", needs) + ")")
            + ":"
            + list,
        "[build-system] requires",
        fix);
  }
}
