package io.github.pyrelease.maven;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.python.InterpreterProbe;
import java.io.File;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every pyrelease goal shares: the skip switches, the project directory, and the one place
 * where core exceptions become Maven's (Failure: the project broke a rule; Execution: the
 * configuration or environment is wrong).
 */
abstract class AbstractPyreleaseMojo extends AbstractMojo {

  /** Skips every pyrelease goal. */
  @Parameter(property = PyreleaseProperties.SKIP, defaultValue = "false")
  private boolean skip;

  /** The Python project: the directory holding pyproject.toml. */
  @Parameter(property = PyreleaseProperties.PROJECT_DIR, defaultValue = "${project.basedir}")
  protected File projectDir;

  /**
   * The Python interpreter: a command on the PATH or a path. Unset (or empty), the build chooses
   * the first of the project's .venv/ or venv/, $VIRTUAL_ENV, python3 on the PATH and the system's
   * python3 that has the build requirements; the other goals use python3 on the PATH.
   */
  @Parameter(property = PyreleaseProperties.PYTHON)
  private String python;

  /** Where the built distributions go, and where {@code check-dist} reads them. */
  @Parameter(
      property = PyreleaseProperties.DIST_DIRECTORY,
      defaultValue = "${project.build.directory}/dist")
  protected File distDirectory;

  /** Where the reports and the publishing record go. */
  @Parameter(
      property = PyreleaseProperties.OUTPUT_DIRECTORY,
      defaultValue = "${project.build.directory}/pyrelease")
  protected File outputDirectory;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /** The interpreter the user named, or {@code null}: the build then chooses one. */
  protected final String namedPython() {
    return python == null || python.isBlank() ? null : python;
  }

  /**
   * The interpreter for a goal that needs any Python 3: the one named, else python3 on the PATH.
   */
  protected final String pythonOrPath() {
    return namedPython() == null ? "python3" : python;
  }

  /**
   * What the candidate interpreters answered, shared by this build's goals of the same project
   * (Maven's plugin context), so each is asked once per run.
   */
  @SuppressWarnings("unchecked")
  protected final InterpreterProbe interpreterProbe() {
    Map<Object, Object> context = getPluginContext();
    if (context == null) {
      return new InterpreterProbe();
    }
    synchronized (context) {
      return (InterpreterProbe)
          context.computeIfAbsent(InterpreterProbe.class.getName(), k -> new InterpreterProbe());
    }
  }

  /** The goal's name, for messages and for its own skip property. */
  protected abstract String goal();

  /** Whether the goal's own {@code pyrelease.<goal>.skip} is set. */
  protected abstract boolean goalSkipped();

  /**
   * Runs the goal.
   *
   * @throws RulesFailedException when the project broke the policy
   */
  protected abstract void run() throws RulesFailedException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog()
          .info(
              "Skipping pyrelease:" + goal() + " because " + PyreleaseProperties.SKIP + " is true");
      return;
    }
    if (goalSkipped()) {
      getLog()
          .info(
              "Skipping pyrelease:"
                  + goal()
                  + " because "
                  + PyreleaseProperties.goalSkip(goal())
                  + " is true");
      return;
    }
    try {
      run();
    } catch (RulesFailedException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (PyreleaseException e) {
      throw new MojoExecutionException("pyrelease:" + goal() + ": " + e.describe(), e);
    }
  }
}
