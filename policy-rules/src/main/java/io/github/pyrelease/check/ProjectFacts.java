package io.github.pyrelease.check;

import io.github.pyrelease.policy.DistributionFacts;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import java.nio.file.Path;
import java.util.Optional;

/** Facts read from the project directory, each at most once per check. */
final class ProjectFacts implements Facts {

  private final Path projectDir;
  private final DistributionFacts distributions;
  private PythonProject project;

  ProjectFacts(Path projectDir) {
    this(projectDir, null);
  }

  /**
   * @param distributions the built distributions, or {@code null} when there are none to check
   */
  ProjectFacts(Path projectDir, DistributionFacts distributions) {
    this.projectDir = projectDir;
    this.distributions = distributions;
  }

  @Override
  public DistributionFacts distributions() {
    return distributions == null ? Facts.super.distributions() : distributions;
  }

  @Override
  public synchronized PythonProject project() {
    if (project == null) {
      project = new PythonProjectReader().read(projectDir);
    }
    return project;
  }

  @Override
  public Optional<Changelog> changelog(String file) {
    if (file == null) {
      return project().changelogIfPresent();
    }
    return new PythonProjectReader().readChangelog(projectDir, file);
  }
}
