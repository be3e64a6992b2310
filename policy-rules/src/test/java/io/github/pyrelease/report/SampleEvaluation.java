package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.policy.Stage;
import java.util.List;

/** A small evaluation with a pass, a failure, a warning and a skip, for report tests. */
final class SampleEvaluation {

  private SampleEvaluation() {}

  static Evaluation create() {
    Finding mismatch =
        Finding.of(
            "src/acme/__init__.py:3",
            "__version__ declares 1.1.0 but [project].version declares 1.2.0",
            List.of(
                new Evidence("pyproject.toml", 3, "[project].version = '1.2.0'"),
                new Evidence("src/acme/__init__.py", 3, "__version__ = '1.1.0'")),
            "change src/acme/__init__.py:3 to '1.2.0'");
    Finding spelling =
        Finding.styleOnly(
            "pyproject.toml:3",
            "'1.0-RC1' is valid, 100% fine, but not normalised",
            List.of(new Evidence("pyproject.toml", 3, "[project].version = '1.0-RC1'")),
            null);
    return new Evaluation(
        "acme-widgets",
        "1.2.0",
        "python/acme",
        List.of(
            new RuleResult(
                "changelog-entry",
                Stage.SOURCE,
                "the changelog has a section",
                Level.ERROR,
                Outcome.PASSED,
                "CHANGELOG.md:7 has a section for 1.2.0",
                List.of()),
            new RuleResult(
                "version-consistent",
                Stage.SOURCE,
                "every version source declares the same version",
                Level.ERROR,
                Outcome.FAILED,
                "1 of 2 version sources disagree",
                List.of(new LeveledFinding(mismatch, Level.ERROR))),
            new RuleResult(
                "version-pep440",
                Stage.SOURCE,
                "every version source holds a valid PEP 440 version",
                Level.ERROR,
                Outcome.WARNING,
                "1 of 2 version sources are not normalised",
                List.of(new LeveledFinding(spelling, Level.WARNING))),
            new RuleResult(
                "tag-free",
                Stage.RELEASE,
                "the tag is free",
                Level.OFF,
                Outcome.SKIPPED,
                "turned off by the built-in default policy",
                List.of())));
  }
}
