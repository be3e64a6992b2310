package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.git.GitCli;
import io.github.pyrelease.scm.ScmVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a release publishes, against a project whose version setuptools_scm computes from git tags:
 * the distributions must carry the version the work tree computes now.
 */
class ReleaseReaderTest {

  @TempDir Path dir;

  private Path taggedScmProject(String tag) throws Exception {
    Path project = dir.resolve("project");
    GitCli git = new GitCli(Files.createDirectories(dir.resolve("home")));
    git.init(project);
    GitCli.write(
        project,
        "pyproject.toml",
        """
        [build-system]
        requires = ["setuptools>=64", "setuptools_scm>=8"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "demo"
        dynamic = ["version"]

        [tool.setuptools_scm]
        """);
    GitCli.write(project, ".gitignore", "dist/\n");
    git.run(project, "add", "-A");
    git.run(project, "commit", "-q", "-m", "start");
    git.run(project, "tag", "-a", tag, "-m", "Release");
    return project;
  }

  private static Path distWith(Path project, String version) throws Exception {
    Path dist = Files.createDirectories(project.resolve("dist"));
    new Archives.Wheel("demo", version)
        .metadata("Metadata-Version: 2.1\nName: demo\nVersion: " + version + "\n")
        .write(dist);
    return dist;
  }

  @Test
  void distributionsOfTheTaggedVersionAreTheRelease() throws Exception {
    Path project = taggedScmProject("v1.1.0");
    Release release = ReleaseReader.read(distWith(project, "1.1.0"), ScmVersions.read(project));
    assertThat(release.version()).isEqualTo("1.1.0");
  }

  @Test
  void distributionsBuiltBeforeTheTagAreRefused() throws Exception {
    Path project = taggedScmProject("v1.1.0");
    Path dist = distWith(project, "1.0.0");
    assertThatThrownBy(() -> ReleaseReader.read(dist, ScmVersions.read(project)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith(
            "the distributions in "
                + dist
                + " are of version 1.0.0, the project's version is 1.1.0")
        .hasMessageContaining(
            "(pyproject.toml:9, setuptools_scm (version from git tags: v1.1.0-0-g");
  }
}
