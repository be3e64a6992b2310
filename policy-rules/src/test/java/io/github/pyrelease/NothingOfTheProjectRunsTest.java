package io.github.pyrelease;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.Archives.TarMember;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two of SECURITY.md's promises: reading a project's versions runs none of its code, and reading an
 * archive writes nothing anywhere, whatever its member names say.
 */
class NothingOfTheProjectRunsTest {

  @TempDir Path dir;

  @Test
  void readingAndCheckingAProjectRunsNoneOfItsCode() throws Exception {
    Path marker = dir.resolve("ran");
    String payload = "open(" + pythonString(marker) + ", 'w').write('ran')\n";
    Files.writeString(
        dir.resolve("setup.py"),
        "from setuptools import setup\n" + payload + "setup(name='trap', version='1.0.0')\n");
    Files.writeString(
        dir.resolve("pyproject.toml"),
        """
        [project]
        name = "trap"
        dynamic = ["version"]

        [tool.setuptools.dynamic]
        version = { attr = "trap.__version__" }
        """);
    Files.createDirectories(dir.resolve("src/trap"));
    Files.writeString(dir.resolve("src/trap/__init__.py"), payload + "__version__ = '1.0.0'\n");
    Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## [1.0.0] - 2026-12-01\n");

    PythonProject project = new PythonProjectReader().read(dir);
    var result =
        new PolicyCheck()
            .run(
                new CheckRequest(
                    dir,
                    new RuleSelection(Set.of(Stage.SOURCE), Set.of()),
                    dir.resolve("out"),
                    EnumSet.of(ReportFormat.JSON),
                    Level.ERROR));

    assertThat(project.declaredSource().map(s -> s.text())).contains("1.0.0");
    assertThat(result.failed()).isFalse();
    assertThat(marker).doesNotExist();
  }

  @Test
  void readingAHostileArchiveWritesNothing() throws Exception {
    Path dist = Files.createDirectories(dir.resolve("dist"));
    Path outside = dir.resolve("outside");
    List<TarMember> members =
        new ArrayList<>(Archives.sdist("acme", "1.0", Archives.pkgInfo("acme", "1.0")));
    members.add(TarMember.file("acme-1.0/../../outside/climbed.py", "x"));
    members.add(TarMember.file(outside.resolve("absolute.py").toString(), "x"));
    members.add(TarMember.symlink("acme-1.0/link", outside.toString()));
    members.add(TarMember.file("acme-1.0/link/through-link.py", "x"));
    Path sdist = dist.resolve("acme-1.0.tar.gz");
    Files.write(sdist, Archives.tarGz(members));
    List<Path> before = tree(dir);

    new DistributionReader().read(sdist, sdist.getFileName().toString());

    assertThat(tree(dir)).isEqualTo(before);
    assertThat(outside).doesNotExist();
  }

  private static List<Path> tree(Path root) throws Exception {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.sorted().toList();
    }
  }

  private static String pythonString(Path path) {
    return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
