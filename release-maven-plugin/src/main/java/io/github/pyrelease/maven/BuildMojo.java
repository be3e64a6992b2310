package io.github.pyrelease.maven;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.build.BuildLog;
import io.github.pyrelease.build.BuildRequest;
import io.github.pyrelease.build.BuildResult;
import io.github.pyrelease.build.DistributionBuilder;
import io.github.pyrelease.build.Frontend;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.publish.PublishedRelease;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the sdist, then the wheel from it, with the project's PEP 517 backend into {@code
 * target/dist}, and attaches both to the Maven project: with packaging {@code python} the wheel is
 * the main artifact, so {@code install} and {@code deploy} carry them.
 */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresProject = false,
    threadSafe = true)
public class BuildMojo extends AbstractPyreleaseMojo {

  /** Skips this goal only. */
  @Parameter(property = "pyrelease.build.skip", defaultValue = "false")
  private boolean buildSkip;

  /** Who drives the backend: pyrelease (its own PEP 517 front end), build or uv. */
  @Parameter(property = PyreleaseProperties.FRONTEND, defaultValue = "pyrelease")
  private String frontend;

  /** Build in a fresh virtual environment with the build requirements installed by pip. */
  @Parameter(property = PyreleaseProperties.ISOLATED, defaultValue = "false")
  private boolean isolated;

  /** How long each build step may take, in seconds. */
  @Parameter(property = PyreleaseProperties.BUILD_TIMEOUT, defaultValue = "600")
  private long buildTimeout;

  /** Attach the wheel (type whl) and the sdist (type tar.gz) to the Maven project. */
  @Parameter(property = PyreleaseProperties.ATTACH, defaultValue = "true")
  private boolean attach;

  /** PEP 517 config settings passed to the backend. */
  @Parameter private Map<String, String> configSettings;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  @Component private MavenProjectHelper projectHelper;

  @Override
  protected String goal() {
    return "build";
  }

  @Override
  protected boolean goalSkipped() {
    return buildSkip;
  }

  @Override
  protected void run() {
    Frontend chosen =
        Frontend.fromId(frontend)
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        "unknown front end '" + frontend + "'",
                        PyreleaseProperties.FRONTEND,
                        "choose from " + Frontend.choices()));
    if (buildTimeout <= 0) {
      throw new PyreleaseException(
          PyreleaseProperties.BUILD_TIMEOUT + " is " + buildTimeout,
          PyreleaseProperties.BUILD_TIMEOUT,
          "set it to a positive number of seconds");
    }
    BuildRequest request =
        new BuildRequest(
            projectDir.toPath(),
            distDirectory.toPath(),
            namedPython(),
            PyreleaseProperties.PYTHON,
            chosen,
            isolated,
            Duration.ofSeconds(buildTimeout),
            true,
            configSettings == null ? Map.of() : configSettings);
    Optional<List<Path>> kept =
        PublishedRelease.kept(outputDirectory.toPath(), distDirectory.toPath(), declaredVersion());
    if (kept.isPresent()) {
      getLog()
          .info(
              "Publishing of this version has begun ("
                  + outputDirectory.toPath().resolve(PublishStateFile.FILE_NAME)
                  + "): keeping the files it published, "
                  + kept.get().stream().map(p -> p.getFileName().toString()).toList()
                  + ", rather than building new ones (mvn clean starts the release over)");
      attach(
          kept.get().stream().filter(p -> p.toString().endsWith(".whl")).findFirst(),
          kept.get().stream().filter(p -> p.toString().endsWith(".tar.gz")).findFirst());
      return;
    }
    BuildResult result = new DistributionBuilder(interpreterProbe()).build(request, log());
    attach(Optional.of(result.wheel()), Optional.of(result.sdist()));
  }

  private void attach(Optional<Path> wheel, Optional<Path> sdist) {
    if (!attach || project == null) {
      return;
    }
    if (wheel.isPresent()) {
      if ("python".equals(project.getPackaging())) {
        project.getArtifact().setFile(wheel.get().toFile());
      } else {
        projectHelper.attachArtifact(project, "whl", null, wheel.get().toFile());
      }
    }
    sdist.ifPresent(file -> projectHelper.attachArtifact(project, "tar.gz", null, file.toFile()));
  }

  /** The version the sources declare, or null when it is computed at build time. */
  private String declaredVersion() {
    return PolicyCheck.declaredVersion(new PythonProjectReader().read(projectDir.toPath()));
  }

  private BuildLog log() {
    return new BuildLog() {
      @Override
      public void info(String message) {
        getLog().info(message);
      }

      @Override
      public void warn(String message) {
        getLog().warn(message);
      }

      @Override
      public void output(String line) {
        getLog().info("  " + line);
      }
    };
  }
}
