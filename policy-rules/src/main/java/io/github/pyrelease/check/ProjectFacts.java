package io.github.pyrelease.check;

import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import java.nio.file.Path;
import java.util.Optional;

/** Facts read from the project directory, each at most once per check. */
final class ProjectFacts implements Facts {

  private final Path projectDir;
  private PythonProject project;

  ProjectFacts(Path projectDir) {
    this.projectDir = projectDir;
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
