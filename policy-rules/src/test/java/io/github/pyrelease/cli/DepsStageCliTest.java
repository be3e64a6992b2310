package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of stage deps end to end: the project's files, the policy file, the exit code. */
class DepsStageCliTest {

  @TempDir Path dir;

  private void write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Run check() {
    return CliFixture.run(
        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
        false,
        "",
        "check",
        dir.toString(),
        "--stage",
        "deps");
  }

  private void project() throws Exception {
    CliFixture.project(dir, "1.2.0", "1.2.0");
    write(
        "pylock.toml",
        """
        lock-version = "1.0"
        [[packages]]
        name = "gplthing"
        version = "2.0"
        [[packages]]
        name = "ambiguous"
        version = "1.0"
        """);
    write(".venv/pyvenv.cfg", "version = 3.12.1\n");
    write(
        ".venv/lib/python3.12/site-packages/gplthing-2.0.dist-info/METADATA",
        "Metadata-Version: 2.4\nName: gplthing\nVersion: 2.0\nLicense-Expression: GPL-3.0-only\n");
    write(
        ".venv/lib/python3.12/site-packages/ambiguous-1.0.dist-info/METADATA",
        "Metadata-Version: 2.1\nName: ambiguous\nVersion: 1.0\n"
            + "Classifier: License :: OSI Approved :: BSD License\n");
  }

  @Test
  void aDeniedLicenceFailsNamingThePackageAndAnOverrideSettlesTheUnknownOne() throws Exception {
    project();
    write(
        "release-policy.yaml",
        """
        rules:
          licenses:
            level: error
            deny: [GPL-3.0-only]
            overrides:
              - { package: ambiguous, license: BSD-3-Clause, reason: "LICENSE file is 3-clause" }
        """);
    Run run = check();
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL  licenses")
        .contains(
            "gplthing 2.0 is licensed GPL-3.0-only (License-Expression), which the policy"
                + " does not accept: GPL-3.0-only is denied")
        .contains("pylock.toml:2")
        .doesNotContain("ambiguous 1.0: licence unknown")
        .contains("PASS  pinned");
  }

  @Test
  void aLockFileThatIsNotOneIsAnInputErrorNamingIt() throws Exception {
    CliFixture.project(dir, "1.2.0", "1.2.0");
    write("uv.lock", "this is not toml = = =\n");
    Run run = check();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("uv.lock:1")
        .contains("is not valid TOML, so it is not a uv lock file");
  }

  @Test
  void thePolicySetsTheEnvironmentMarkersAreEvaluatedFor() throws Exception {
    CliFixture.project(dir, "1.2.0", "1.2.0");
    write(
        "requirements.txt",
        "requests==2.32.3\npywin32==306 ; sys_platform == 'win32'\n"
            + "tomli==2.0.1 ; python_version < '3.11'\n");
    Run linux = check();
    assertThat(linux.out()).contains("PASS  pinned               1 dependency is pinned");

    write(
        "release-policy.yaml",
        "environment: { python: \"3.10\", sys_platform: win32, os_name: nt }\n");
    Run windows = check();
    assertThat(windows.out())
        .as(windows.err())
        .contains("PASS  pinned               3 dependencies are pinned");

    write("release-policy.yaml", "environment:\n  python: 3.10\n  sys_platfrom: win32\n");
    Run wrong = check();
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err())
        .contains("environment 'python' must be a quoted string")
        .contains("unknown marker variable 'sys_platfrom'; did you mean 'sys_platform'?");
  }
}
