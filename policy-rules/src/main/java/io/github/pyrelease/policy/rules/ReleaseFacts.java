package io.github.pyrelease.policy.rules;

import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitTag;
import io.github.pyrelease.git.HeadState;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the rules of stage release share: the version to release and the repository. */
final class ReleaseFacts {

  /** Most paths, tags or files a finding lists before it says how many more there are. */
  static final int MAX_LISTED = 25;

  private ReleaseFacts() {}

  /** The version the build would release: the declared literal version, when valid. */
  static Optional<Version> version(PythonProject project) {
    return project.declaredSource().flatMap(s -> Version.tryParse(s.text()));
  }

  /** Why there is no version to check. */
  static String noVersionReason(PythonProject project) {
    Optional<VersionSource> declared = project.declaredSource();
    return declared.isPresent()
        ? "the version '" + declared.get().text() + "' is not PEP 440 (see version-pep440)"
        : VersionSources.noLiteralReason(project);
  }

  /** {@code check}'s verdict on the repository, or a failure when the project is in none. */
  static Verdict inRepository(Facts facts, Function<GitFacts, Verdict> check) {
    return facts.git().map(check).orElseGet(ReleaseFacts::notARepository);
  }

  /**
   * {@code check}'s verdict on the version to release and the repository: not applicable without a
   * valid literal version, a failure outside a repository.
   */
  static Verdict forVersionInRepository(Facts facts, BiFunction<Version, GitFacts, Verdict> check) {
    Optional<Version> version = version(facts.project());
    if (version.isEmpty()) {
      return Verdict.notApplicable(noVersionReason(facts.project()));
    }
    return inRepository(facts, git -> check.apply(version.get(), git));
  }

  /** The verdict of a git rule when the project is in no repository. */
  static Verdict notARepository() {
    return Verdict.of(
        "not a git repository",
        List.of(
            Finding.of(
                "not-a-repository",
                "the project is not in a git repository (no .git in its directory or any parent),"
                    + " so the release cannot be traced to a commit",
                List.of(),
                "release from a git clone of the project; a source archive or a copy without .git"
                    + " cannot be checked")));
  }

  /** The tags that point at HEAD. */
  static List<GitTag> tagsAtHead(GitFacts git, HeadState head) {
    return head.commit() == null
        ? List.of()
        : git.tags().stream().filter(t -> t.commit().equals(head.commit())).toList();
  }

  /** Evidence naming the declared version's source. */
  static Evidence versionEvidence(PythonProject project) {
    return project
        .declaredSource()
        .map(VersionSources::evidence)
        .orElse(new Evidence(null, 0, "no literal version"));
  }

  /** At most {@link #MAX_LISTED} lines, then how many more. */
  static List<Evidence> capped(List<Evidence> evidence) {
    if (evidence.size() <= MAX_LISTED) {
      return evidence;
    }
    List<Evidence> shown = new java.util.ArrayList<>(evidence.subList(0, MAX_LISTED));
    shown.add(new Evidence(null, 0, "... and " + (evidence.size() - MAX_LISTED) + " more"));
    return shown;
  }
}
