package io.github.pyrelease.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.license.DetectedLicense;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyInventoryReaderTest {

  @TempDir Path dir;

  private final DependencyInventoryReader reader = new DependencyInventoryReader();

  private DependencyInventory read() {
    return reader.read(dir, InventoryOptions.defaults());
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> pins(DependencyInventory inventory) {
    return inventory.dependencies().stream()
        .map(d -> d.normalizedName() + "==" + d.version() + " @" + d.origin().where())
        .toList();
  }

  @Test
  void pylockListsThePackagesWhoseMarkersHold() throws IOException {
    write(
        "pylock.toml",
        """
        lock-version = "1.0"
        created-by = "pip"
        default-groups = ["test"]

        [[packages]]
        name = "Requests"
        version = "2.32.3"

        [[packages]]
        name = "colorama"
        version = "0.4.6"
        marker = "sys_platform == 'win32'"

        [[packages]]
        name = "pytest"
        version = "8.3.3"
        marker = "'test' in dependency_groups"

        [[packages]]
        name = "local-thing"
        directory = { path = "../local" }
        """);
    DependencyInventory inventory = read();
    assertThat(inventory.source()).isEqualTo(InventorySource.LOCK_FILE);
    assertThat(inventory.files()).containsExactly("pylock.toml");
    assertThat(pins(inventory))
        .containsExactly(
            "requests==2.32.3 @pylock.toml:5",
            "pytest==8.3.3 @pylock.toml:14",
            "local-thing==null @pylock.toml:19");
    assertThat(inventory.dependencies().get(2).requirement()).isEqualTo("local-thing @ ../local");
    // the same lock for Windows keeps colorama
    DependencyInventory windows =
        reader.read(
            dir,
            InventoryOptions.defaults()
                .withEnvironment(MarkerEnvironment.DEFAULT.with("sys_platform", "win32")));
    assertThat(pins(windows)).contains("colorama==0.4.6 @pylock.toml:9");
  }

  @Test
  void aLockFileThatIsNotWhatItsNameSaysIsRefused() throws IOException {
    write("pylock.toml", "[[package]]\nname = \"x\"\nversion = \"1\"\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageContaining("pylock.toml has no lock-version, so it is not a PEP 751 lock file");
    Files.delete(dir.resolve("pylock.toml"));
    write("uv.lock", "{\"_meta\": {}}");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageContaining("uv.lock is not valid TOML, so it is not a uv lock file")
        .satisfies(e -> assertThat(((InventoryReadException) e).where()).isEqualTo("uv.lock:1"));
    write("uv.lock", "[metadata]\ncontent-hash = \"abc\"\n");
    assertThatThrownBy(this::read).hasMessageContaining("so it is not a uv lock file");
    Files.delete(dir.resolve("uv.lock"));
    write("poetry.lock", "version = 1\n[[package]]\nname = \"a\"\nversion = \"1\"\n");
    assertThatThrownBy(this::read).hasMessageContaining("so it is not a Poetry lock file");
    Files.delete(dir.resolve("poetry.lock"));
    write("Pipfile.lock", "lock-version = \"1.0\"\n");
    assertThatThrownBy(this::read)
        .hasMessageContaining("is not valid JSON, so it is not a Pipfile.lock");
    write("Pipfile.lock", "[1, 2]");
    assertThatThrownBy(this::read).hasMessageContaining("so it is not a Pipfile.lock");
  }

  @Test
  void uvLockFollowsTheGraphFromTheWorkspaceForTheTargetEnvironment() throws IOException {
    write(
        "uv.lock",
        """
        version = 1
        revision = 2
        requires-python = ">=3.9"

        [[package]]
        name = "myproj"
        version = "0.1.0"
        source = { editable = "." }
        dependencies = [
            { name = "requests", extra = ["socks"] },
            { name = "colorama", marker = "sys_platform == 'win32'" },
        ]

        [package.optional-dependencies]
        docs = [{ name = "sphinx" }]

        [package.dev-dependencies]
        dev = [{ name = "pytest" }]

        [[package]]
        name = "requests"
        version = "2.32.3"
        source = { registry = "https://pypi.org/simple" }
        dependencies = [{ name = "certifi" }]

        [package.optional-dependencies]
        socks = [{ name = "pysocks" }]

        [[package]]
        name = "certifi"
        version = "2024.8.30"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "pysocks"
        version = "1.7.1"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "colorama"
        version = "0.4.6"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "sphinx"
        version = "8.0.0"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "pytest"
        version = "8.3.3"
        source = { registry = "https://pypi.org/simple" }
        """);
    DependencyInventory inventory = read();
    assertThat(pins(inventory))
        .containsExactlyInAnyOrder(
            "requests==2.32.3 @uv.lock:20",
            "certifi==2024.8.30 @uv.lock:29",
            "pysocks==1.7.1 @uv.lock:34",
            "pytest==8.3.3 @uv.lock:49");
  }

  @Test
  void poetryLockLeavesOutOptionalPackagesAndThoseWhoseMarkersFail() throws IOException {
    write(
        "poetry.lock",
        """
        # This file is automatically @generated by Poetry 2.0.1
        [[package]]
        name = "idna"
        version = "3.10"
        optional = false
        python-versions = ">=3.6"
        groups = ["main"]

        [[package]]
        name = "pywin32"
        version = "308"
        optional = false
        groups = ["main"]
        markers = "sys_platform == \\"win32\\""

        [[package]]
        name = "brotli"
        version = "1.1.0"
        optional = true

        [metadata]
        lock-version = "2.1"
        python-versions = "^3.9"
        content-hash = "0123"
        """);
    assertThat(pins(read())).containsExactly("idna==3.10 @poetry.lock:2");
  }

  @Test
  void pipfileLockReadsBothSectionsWithLines() throws IOException {
    write(
        "Pipfile.lock",
        """
        {
            "_meta": {"hash": {"sha256": "00"}, "pipfile-spec": 6, "requires": {}},
            "default": {
                "urllib3": {
                    "hashes": ["sha256:00"],
                    "markers": "python_version >= '3.8'",
                    "version": "==2.2.3"
                },
                "legacy": {"markers": "python_version < '3'", "version": "==1.0"},
                "mylib": {"git": "https://example.org/mylib.git", "ref": "abc"}
            },
            "develop": {
                "pytest": {"version": "==8.3.3"}
            }
        }
        """);
    DependencyInventory inventory = read();
    assertThat(pins(inventory))
        .containsExactly(
            "urllib3==2.2.3 @Pipfile.lock:4",
            "mylib==null @Pipfile.lock:10",
            "pytest==8.3.3 @Pipfile.lock:13");
  }

  @Test
  void requirementsFilesInPipSyntax() throws IOException {
    write(
        "requirements.txt",
        """
        # pinned by pip-compile
        --index-url https://pypi.org/simple
        -r requirements/base.txt
        -c constraints.txt
        requests[socks]==2.32.3 \\
            --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
        colorama==0.4.6 ; sys_platform == "win32"
        Flask_Login==0.6.3  # an inline comment
        certifi
        mylib @ https://example.org/mylib-1.0.tar.gz
        https://example.org/wheels/attrs-24.2.0-py3-none-any.whl
        ./vendored/tool
        -e .
        """);
    write("requirements/base.txt", "idna===3.10\n-r ../requirements-extra.txt\n");
    write("requirements-extra.txt", "six==1.16.0\n");
    write("constraints.txt", "certifi==2024.8.30\nnot-required==1.0\n");
    write("vendored/tool/pyproject.toml", "[project]\nname = \"vendored-tool\"\n");
    write("pyproject.toml", "[project]\nname = \"me\"\ndependencies = [\"ignored\"]\n");
    DependencyInventory inventory =
        reader.read(
            dir,
            InventoryOptions.defaults()
                .withRequirementsFiles(List.of(dir.resolve("requirements.txt"))));
    assertThat(inventory.source()).isEqualTo(InventorySource.REQUIREMENTS);
    assertThat(inventory.files())
        .containsExactly(
            "requirements.txt",
            "requirements/base.txt",
            "requirements-extra.txt",
            "constraints.txt");
    assertThat(pins(inventory))
        .containsExactly(
            "idna==3.10 @requirements/base.txt:1",
            "six==1.16.0 @requirements-extra.txt:1",
            "requests==2.32.3 @requirements.txt:5",
            "flask-login==0.6.3 @requirements.txt:8",
            "certifi==2024.8.30 @constraints.txt:1",
            "mylib==1.0 @requirements.txt:10",
            "attrs==24.2.0 @requirements.txt:11",
            "vendored-tool==null @requirements.txt:12");
    // discovery finds requirements*.txt when there is no lock file, before pyproject.toml
    assertThat(read().source()).isEqualTo(InventorySource.REQUIREMENTS);
  }

  @Test
  void circularIncludesAreRefusedNamingTheChain() throws IOException {
    write("requirements.txt", "a==1\n-r more.txt\n");
    write("more.txt", "\n-r requirements.txt\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessage(
            "requirements files include each other in a circle: requirements.txt:2 -> more.txt:2"
                + " -> requirements.txt")
        .satisfies(e -> assertThat(((InventoryReadException) e).where()).isEqualTo("more.txt:2"));
  }

  @Test
  void badRequirementLinesNameTheFileAndLine() throws IOException {
    write("requirements.txt", "ok==1\n\nrequests >=2.0,\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageStartingWith(
            "'requests >=2.0,' is not a requirement: expected a version operator")
        .satisfies(
            e -> assertThat(((InventoryReadException) e).where()).isEqualTo("requirements.txt:3"))
        .satisfies(e -> assertThat(((InventoryReadException) e).fix()).contains("name==1.2.3"));
    write("requirements.txt", "x==1 --hash=md5:abc\n");
    assertThatThrownBy(this::read).hasMessageContaining("'md5:abc' is not a hash pip accepts");
    write("requirements.txt", "--frobnicate\n");
    assertThatThrownBy(this::read)
        .hasMessageContaining("'--frobnicate' is not an option pip accepts");
    write("requirements.txt", "-r missing.txt\n");
    assertThatThrownBy(this::read)
        .hasMessageContaining("the requirements file missing.txt does not exist")
        .satisfies(
            e -> assertThat(((InventoryReadException) e).where()).isEqualTo("requirements.txt:1"));
    write("requirements.txt", "x==1\nX==2\n");
    assertThatThrownBy(this::read)
        .hasMessageContaining("is required twice, differently: 'x==1' at requirements.txt:1");
    write("requirements.txt", "https://example.org/download?id=3\n");
    assertThatThrownBy(this::read).hasMessageContaining("cannot tell which project");
  }

  @Test
  void expandedVariablesAreNeverShown() throws IOException {
    write("requirements.txt", "private @ https://${TOKEN}@example.org/private-1.0.tar.gz\n");
    DependencyInventory inventory =
        reader.read(dir, InventoryOptions.defaults().withVariables(Map.of("TOKEN", "s3cr3t")));
    Dependency d = inventory.dependencies().get(0);
    assertThat(d.requirement()).doesNotContain("s3cr3t").contains("${TOKEN}");
  }

  @Test
  void declaredDependenciesWithExtrasAndGroups() throws IOException {
    write(
        "pyproject.toml",
        """
        [project]
        name = "me"
        dependencies = [
          "requests>=2.31",
          "tomli>=1.1; python_version < '3.11'",
          "attrs==24.2.0",
        ]
        [project.optional-dependencies]
        socks = ["pysocks; extra == 'socks'"]
        [dependency-groups]
        test = ["pytest>=8", { include-group = "Lint" }]
        lint = ["ruff==0.6.9"]
        """);
    DependencyInventory inventory = read();
    assertThat(inventory.source()).isEqualTo(InventorySource.DECLARED);
    assertThat(pins(inventory))
        .containsExactly(
            "requests==null @pyproject.toml:4",
            "attrs==24.2.0 @pyproject.toml:6",
            "pysocks==null @pyproject.toml:9",
            "pytest==null @pyproject.toml:11",
            "ruff==0.6.9 @pyproject.toml:12");
    // Python 3.10 installs tomli
    assertThat(
            pins(
                reader.read(
                    dir,
                    InventoryOptions.defaults()
                        .withEnvironment(MarkerEnvironment.forPython("3.10.4")))))
        .contains("tomli==null @pyproject.toml:5");
  }

  @Test
  void includeGroupCyclesAreRefused() throws IOException {
    write(
        "pyproject.toml",
        """
        [dependency-groups]
        a = [{ include-group = "b" }]
        b = ["x", { include-group = "a" }]
        """);
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessage("dependency group 'a' includes itself: a -> b -> a");
  }

  @Test
  void theInstalledEnvironmentIsReadFromMetadataWithLicences() throws IOException {
    write(".venv/pyvenv.cfg", "home = /usr/bin\nversion = 3.12.4\n");
    Path site = dir.resolve(".venv/lib/python3.12/site-packages");
    write(
        ".venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA",
        "Metadata-Version: 2.1\nName: requests\nVersion: 2.32.3\nLicense: Apache 2.0\n"
            + "Classifier: License :: OSI Approved :: Apache Software License\n");
    write(
        ".venv/lib/python3.12/site-packages/Pygments-2.14.0.egg-info/PKG-INFO",
        "Metadata-Version: 2.1\nName: Pygments\nVersion: 2.14.0\nLicense: BSD-2-Clause\n");
    write(
        ".venv/lib/python3.12/site-packages/me-0.1.dist-info/METADATA",
        "Metadata-Version: 2.4\nName: me\nVersion: 0.1\nLicense-Expression: MIT\n");
    write("pyproject.toml", "[project]\nname = \"Me\"\ndependencies = [\"requests\"]\n");
    DependencyInventory inventory = read();
    assertThat(inventory.source()).isEqualTo(InventorySource.INSTALLED);
    assertThat(inventory.files()).hasSize(1);
    assertThat(Path.of(inventory.files().get(0)))
        .isEqualTo(
            site.toRealPath()
                .subpath(site.toRealPath().getNameCount() - 4, site.toRealPath().getNameCount()));
    assertThat(pins(inventory))
        .containsExactly(
            "pygments==2.14.0 @.venv/lib/python3.12/site-packages/Pygments-2.14.0.egg-info/PKG-INFO",
            "requests==2.32.3 @.venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA");
    DetectedLicense requests =
        inventory.licenseOf(inventory.dependencies().get(1)).orElseThrow().license();
    assertThat(requests.expression()).isEqualTo("Apache-2.0");
    assertThat(requests.basis()).isEqualTo(DetectedLicense.Basis.LICENSE_FIELD);
  }

  @Test
  void aLockFileWinsAndTakesLicencesFromTheEnvironment() throws IOException {
    write(".venv/pyvenv.cfg", "version = 3.12.4\n");
    write(
        ".venv/lib/python3.12/site-packages/idna-3.10.dist-info/METADATA",
        "Metadata-Version: 2.1\nName: idna\nVersion: 3.10\n"
            + "Classifier: License :: OSI Approved :: BSD License\n");
    write(
        ".venv/lib/python3.12/site-packages/six-1.15.0.dist-info/METADATA",
        "Metadata-Version: 2.1\nName: six\nVersion: 1.15.0\nLicense: MIT\n");
    write(
        "pylock.toml",
        """
        lock-version = "1.0"
        [[packages]]
        name = "idna"
        version = "3.10"
        [[packages]]
        name = "six"
        version = "1.16.0"
        [[packages]]
        name = "tomli"
        version = "2.0.1"
        marker = "python_version < '3.11'"
        """);
    write("requirements.txt", "other==1\n");
    DependencyInventory inventory = read();
    assertThat(inventory.source()).isEqualTo(InventorySource.LOCK_FILE);
    // the environment's Python (3.12, from pyvenv.cfg) decides the marker
    assertThat(pins(inventory))
        .containsExactly("idna==3.10 @pylock.toml:2", "six==1.16.0 @pylock.toml:5");
    assertThat(inventory.licenseOf(inventory.dependencies().get(0)).orElseThrow().license().basis())
        .isEqualTo(DetectedLicense.Basis.UNKNOWN);
    // a different installed version says nothing about the locked one's licence
    assertThat(inventory.licenseOf(inventory.dependencies().get(1))).isEmpty();
  }

  @Test
  void anEmptyProjectHasAnEmptyInventory() {
    DependencyInventory inventory = read();
    assertThat(inventory.dependencies()).isEmpty();
    assertThat(inventory.source()).isEqualTo(InventorySource.DECLARED);
  }

  @Test
  void anUnknownLockFileNameIsRefused() throws IOException {
    write("my.lock", "x");
    assertThatThrownBy(
            () ->
                reader.read(dir, InventoryOptions.defaults().withLockFile(dir.resolve("my.lock"))))
        .hasMessageContaining("is not a lock file the audit knows by its name");
  }

  @Test
  void hostileFilesAreRefusedWithoutReadingThemWhole() throws IOException {
    // a sparse file: 100 MB on paper, nothing on the disk
    try (var file = new java.io.RandomAccessFile(dir.resolve("requirements.txt").toFile(), "rw")) {
      file.setLength(100L * 1024 * 1024);
    }
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageContaining("requirements.txt is 104857600 bytes, more than the");
    Files.write(
        dir.resolve("requirements.txt"), new byte[] {'x', '=', '=', '1', (byte) 0xff, '\n'});
    assertThatThrownBy(this::read).hasMessageContaining("requirements.txt is not UTF-8 text");
    Files.delete(dir.resolve("requirements.txt"));
    write("Pipfile.lock", "{\"_meta\": {}, \"default\": {\"x\": {\"version\": \"==1\"");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageContaining("is not valid JSON, so it is not a Pipfile.lock");
    write("Pipfile.lock", "[".repeat(10_000) + "]".repeat(10_000));
    assertThatThrownBy(this::read).isInstanceOf(InventoryReadException.class);
    Files.delete(dir.resolve("Pipfile.lock"));
    write("poetry.lock", "a = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    assertThatThrownBy(this::read).isInstanceOf(InventoryReadException.class);
  }

  @Test
  void aMarkerThatCannotBeEvaluatedNamesTheLine() throws IOException {
    write("requirements.txt", "ok==1\nx==1 ; python_version >= 'banana' and os_name >= '3.8'\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageContaining("cannot be evaluated")
        .satisfies(
            e -> assertThat(((InventoryReadException) e).where()).isEqualTo("requirements.txt:2"));
  }

  @Test
  void aVirtualEnvironmentsInterpreterStandsForItsEnvironment() throws IOException {
    write("env/pyvenv.cfg", "version = 3.12.4\n");
    write("env/bin/python", "");
    write(
        "env/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA",
        "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\nLicense: MIT\n");
    InventoryOptions options =
        InventoryOptions.defaults().withInterpreter(dir.resolve("env/bin/python"));
    assertThat(options.environmentDir()).isEqualTo(dir.resolve("env"));
    assertThat(pins(reader.read(dir, options)))
        .containsExactly(
            "six==1.16.0 @env/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA");
    // a command on the PATH, or an interpreter outside a virtual environment, names none
    assertThat(
            InventoryOptions.defaults()
                .withInterpreter(java.nio.file.Path.of("python3"))
                .environmentDir())
        .isNull();
    assertThat(
            InventoryOptions.defaults()
                .withInterpreter(dir.resolve("usr/bin/python3"))
                .environmentDir())
        .isNull();
  }

  @Test
  void valuesOfTheWrongTypeInALockAreNoCrash() throws IOException {
    write(
        "uv.lock",
        "version = 1\n[[package]]\nname = \"a\"\nversion = 3\nsource = { editable = \".\" }\n"
            + "dependencies = [{ name = \"b\", version = 2 }]\n[[package]]\nname = \"b\"\n"
            + "version = \"1.0\"\n");
    assertThat(pins(read())).containsExactly("b==1.0 @uv.lock:7");
    Files.delete(dir.resolve("uv.lock"));
    write("sub/pyproject.toml", "[project]\nname = 7\n");
    write("requirements.txt", "./sub\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InventoryReadException.class)
        .hasMessageContaining("cannot tell which project");
  }
}
