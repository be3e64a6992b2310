package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Waiver;
import java.time.LocalDate;
import java.util.List;

/** A small evaluation with a pass, a failure, a warning, a waiver and a skip, for report tests. */
final class SampleEvaluation {

  private SampleEvaluation() {}

  /** A project where nothing was evaluated: no name, no version, no rules. */
  static Evaluation empty() {
    return new Evaluation(null, null, ".", List.of());
  }

  /** A vulnerable dependency: one advisory known under three ids, found twice (two packages). */
  static Evaluation advisory() {
    Finding jinja =
        Finding.of(
                "PYSEC-2019-217",
                "jinja2 2.10 has PYSEC-2019-217 (CVE-2019-10906, GHSA-462w-v97r-4m45): sandbox"
                    + " escape",
                List.of(
                    new Evidence(null, 0, "severity not stated; fixed in 2.10.1"),
                    new Evidence("requirements.txt", 2, "Jinja2==2.10")),
                "upgrade jinja2 to 2.11.3 or later")
            .withAliases(List.of("PYSEC-2019-217", "CVE-2019-10906", "GHSA-462w-v97r-4m45"));
    Finding other =
        Finding.of(
                "PYSEC-2021-66",
                "jinja2 2.10 has PYSEC-2021-66: ReDoS",
                List.of(new Evidence("requirements.txt", 2, "Jinja2==2.10")),
                "upgrade jinja2 to 2.11.3 or later")
            .withAliases(List.of("PYSEC-2021-66", "CVE-2020-28493"));
    return new Evaluation(
        "acme-widgets",
        "1.2.0",
        ".",
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
                "vulnerabilities",
                Stage.DEPS,
                "no dependency has a known vulnerability",
                Level.ERROR,
                Outcome.FAILED,
                "1 vulnerable dependency of 1 pinned",
                List.of(
                    new RuleResult.LeveledFinding(jinja, Level.ERROR),
                    new RuleResult.LeveledFinding(other, Level.ERROR)))));
  }

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
    Finding denied =
        Finding.of(
            "left-pad",
            "left-pad 1.3.0 is licensed GPL-3.0-only, which the policy denies",
            List.of(new Evidence("requirements.txt", 4, "left-pad==1.3.0")),
            "replace left-pad, or ask for an exception");
    Waiver waiver =
        new Waiver(
            "left-pad",
            LocalDate.of(2027, 1, 31),
            "replaced in 2.0 <see #12>",
            "release-policy.yaml",
            9);
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
                "licenses",
                Stage.DEPS,
                "dependency licences are allowed",
                Level.ERROR,
                Outcome.WAIVED,
                "1 of 12 dependencies has a denied licence (1 finding waived)",
                List.of(new LeveledFinding(denied, Level.ERROR, waiver))),
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
