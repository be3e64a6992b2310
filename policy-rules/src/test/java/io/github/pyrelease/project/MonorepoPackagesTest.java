package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonorepoPackagesTest {

  @TempDir Path root;

  private void write(String file, String text) throws Exception {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  @Test
  void readsEachOtherPackagesNameAndLiteralVersionAndLeavesOutWhatItCannotRead() throws Exception {
    write("core/pyproject.toml", "[project]\nname = \"acme-core\"\nversion = \"2.0.0\"\n");
    write(
        "scm/pyproject.toml",
        "[project]\nname = \"acme-scm\"\ndynamic = [\"version\"]\n"
            + "[build-system]\nrequires = [\"setuptools_scm\"]\n"
            + "build-backend = \"setuptools.build_meta\"\n[tool.setuptools_scm]\n");
    write("broken/pyproject.toml", "[project\nname = \"broken\"\n");
    write("nameless/pyproject.toml", "[tool.black]\nline-length = 100\n");
    write(".venv/lib/pyproject.toml", "[project]\nname = \"vendored\"\nversion = \"9\"\n");

    write("app/pyproject.toml", "[project]\nname = \"acme-app\"\nversion = \"1.0\"\n");

    assertThat(MonorepoPackages.below(root, root.resolve("app")))
        .extracting(p -> p.name() + " " + p.version() + " " + p.location())
        .containsExactly(
            "acme-core 2.0.0 ../core/pyproject.toml", "acme-scm null ../scm/pyproject.toml");
  }

  @Test
  void theGitTopDirectoryIsTheNearestHoldingDotGit() throws Exception {
    Files.createDirectories(root.resolve("repo/.git"));
    Path project = Files.createDirectories(root.resolve("repo/packages/core"));

    assertThat(MonorepoPackages.gitTopDirectory(project)).contains(root.resolve("repo"));
    assertThat(MonorepoPackages.gitTopDirectory(root)).isEmpty();
  }
}
