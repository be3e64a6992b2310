package io.github.pyrelease.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real pip as the oracle: distributions built by a real backend, the index written by {@link
 * StaticSimpleIndex}, served from loopback as GitHub Pages serves it (static HTML), or with PEP 691
 * content negotiation, and installed by pip in a venv made by {@code python3 -m venv}.
 */
class PipInstallsFromPagesTest {

  static final String PYTHON = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
  static final String JSON = "application/vnd.pypi.simple.v1+json";
  static final String ZEROS = "0".repeat(64);

  @TempDir static Path work;

  static Path venv;
  static HttpServer server;
  static String base;
  static List<ReleaseFile> release10;
  static List<ReleaseFile> release20;
  static ReleaseFile wheel30;
  static Path site;

  /** What the server is serving: the site's root, and whether it negotiates JSON. */
  static volatile Path servedSite;

  static volatile boolean negotiates;

  static final List<Served> served = new CopyOnWriteArrayList<>();

  /** One request the server answered. */
  record Served(String path, String accept, String contentType) {}

  @BeforeAll
  static void buildVenvDistributionsAndIndex() throws Exception {
    venv = work.resolve("venv");
    // System site packages: pip then builds an sdist with Debian's hatchling, offline.
    run(List.of(PYTHON, "-m", "venv", "--system-site-packages", venv.toString()), Map.of());
    release10 = build("1.0");
    release20 = build("2.0");
    // A wheel whose own metadata accepts any Python: only the index's requires-python excludes it.
    Path dir3 = Files.createDirectories(work.resolve("dist-3.0"));
    new Archives.Wheel("pages-demo", "3.0").write(dir3);
    wheel30 = ReleaseFiles.read(dir3).get(0);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", PipInstallsFromPagesTest::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    // Two writes, as two releases would: the second merges with the first.
    site = work.resolve("site");
    StaticSimpleIndex index = new StaticSimpleIndex(site);
    index.write("pages-demo", links(release10));
    List<DistributionLink> later = new ArrayList<>(links(release20));
    DistributionLink link30 = link(wheel30);
    later.add(
        new DistributionLink(
            link30.fileName(), link30.url(), link30.sha256(), link30.size(), ">=3.99", null));
    index.write("pages-demo", later);
  }

  @AfterAll
  static void stopServerAndUnlinkThePython() throws IOException {
    if (server != null) {
      server.stop(0);
    }
    // The venv's python links to /usr/bin: remove the links so that JUnit deletes only the venv.
    try (var bin = Files.list(venv.resolve("bin"))) {
      for (Path file : bin.toList()) {
        if (Files.isSymbolicLink(file)) {
          Files.delete(file);
        }
      }
    }
  }

  @BeforeEach
  void serveTheSiteAsGitHubPages() {
    servedSite = site;
    negotiates = false;
    served.clear();
  }

  static List<ReleaseFile> build(String version) throws Exception {
    Path project = work.resolve("project-" + version);
    Files.createDirectories(project.resolve("src/pages_demo"));
    Files.writeString(
        project.resolve("pyproject.toml"),
        """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "pages-demo"
        version = "%s"
        requires-python = ">=3.8"
        """
            .formatted(version));
    Files.writeString(
        project.resolve("src/pages_demo/__init__.py"), "__version__ = \"" + version + "\"\n");
    Path dist = work.resolve("dist-" + version);
    // --skip-dependency-check: Debian's hatchling declares editables, which Debian does not ship
    run(
        List.of(
            PYTHON,
            "-m",
            "build",
            "--no-isolation",
            "--skip-dependency-check",
            "--outdir",
            dist.toString(),
            project.toString()),
        Map.of());
    List<ReleaseFile> files = ReleaseFiles.read(dist);
    assertThat(files)
        .extracting(ReleaseFile::fileName)
        .containsExactlyInAnyOrder(
            "pages_demo-" + version + "-py3-none-any.whl", "pages_demo-" + version + ".tar.gz");
    return files;
  }

  static DistributionLink link(ReleaseFile file) {
    return DistributionLink.of(file, base + "files/" + file.fileName(), Instant.now());
  }

  static List<DistributionLink> links(List<ReleaseFile> files) {
    return files.stream().map(PipInstallsFromPagesTest::link).toList();
  }

  /** GitHub Pages: a folder's index.html as text/html (a slash-less folder redirected). */
  static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      Path file;
      String type;
      if (path.startsWith("/files/")) {
        String name = path.substring("/files/".length());
        file =
            List.of(release10, release20, List.of(wheel30)).stream()
                .flatMap(List::stream)
                .filter(f -> f.fileName().equals(name))
                .map(ReleaseFile::path)
                .findFirst()
                .orElse(null);
        type = "application/octet-stream";
      } else {
        Path target = servedSite.resolve(path.substring(1)).normalize();
        if (!target.startsWith(servedSite)) {
          file = null;
          type = null;
        } else if (Files.isDirectory(target) && !path.endsWith("/")) {
          exchange.getResponseHeaders().set("Location", path + "/");
          exchange.sendResponseHeaders(301, -1);
          return;
        } else if (Files.isDirectory(target)) {
          boolean json =
              negotiates
                  && accept != null
                  && accept.contains(JSON)
                  && Files.isRegularFile(target.resolve("index.json"));
          file = target.resolve(json ? "index.json" : "index.html");
          type = json ? JSON : "text/html; charset=utf-8";
        } else {
          file = target;
          type = path.endsWith(".json") ? "application/json" : "text/html; charset=utf-8";
        }
      }
      if (file == null || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      served.add(new Served(path, accept, type));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  record Outcome(int exitCode, String output) {}

  static Outcome run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    Outcome outcome = new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    if (!command.contains("install")) {
      assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    }
    return outcome;
  }

  /** pip install from the served index into a fresh folder. */
  static Outcome pip(Path target, String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                venv.resolve("bin/pip").toString(),
                "install",
                "--isolated",
                "--no-deps",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "--no-input",
                "-v",
                "--timeout",
                "10",
                "--retries",
                "0",
                "--index-url",
                base + "simple/",
                "--target",
                target.toString()));
    command.addAll(List.of(arguments));
    return run(command, Map.of());
  }

  /** The version of pages_demo Python imports from {@code target}. */
  static String importedVersion(Path target) throws Exception {
    Outcome imported =
        run(
            List.of(PYTHON, "-c", "import pages_demo; print(pages_demo.__version__)"),
            Map.of("PYTHONPATH", target.toString()));
    return imported.output().strip();
  }

  List<String> pagesServed() {
    return served.stream()
        .filter(s -> s.path().startsWith("/simple/"))
        .map(s -> s.path() + " " + s.contentType())
        .toList();
  }

  List<String> filesServed() {
    return served.stream().map(Served::path).filter(p -> p.startsWith("/files/")).toList();
  }

  @Test
  void eachLinkCarriesTheRequiresPythonOfItsFilesMetadata() throws Exception {
    List<Html.Anchor> anchors =
        Html.anchors(Files.readString(site.resolve("simple/pages-demo/index.html")));

    assertThat(anchors)
        .extracting(a -> a.text() + " " + a.attribute("data-requires-python"))
        .containsExactly(
            "pages_demo-1.0-py3-none-any.whl >=3.8",
            "pages_demo-1.0.tar.gz >=3.8",
            "pages_demo-2.0-py3-none-any.whl >=3.8",
            "pages_demo-2.0.tar.gz >=3.8",
            "pages_demo-3.0-py3-none-any.whl >=3.99");
  }

  @Test
  void fromStaticHtmlPipInstallsTheNewestVersionItsPythonAccepts() throws Exception {
    Path target = work.resolve("t-newest-html");

    Outcome pip = pip(target, "pages-demo");

    assertThat(pip.exitCode()).as(pip.output()).isZero();
    assertThat(importedVersion(target)).isEqualTo("2.0");
    assertThat(target.resolve("pages_demo-2.0.dist-info")).isDirectory();
    // 3.0 is newer, but its link's data-requires-python excludes this Python.
    assertThat(pip.output())
        .contains("Link requires a different Python")
        .contains("pages_demo-3.0-py3-none-any.whl");
    assertThat(pagesServed()).containsExactly("/simple/pages-demo/ text/html; charset=utf-8");
    assertThat(filesServed()).containsExactly("/files/pages_demo-2.0-py3-none-any.whl");
  }

  @Test
  void fromStaticHtmlAPinnedOldVersionInstalls() throws Exception {
    Path target = work.resolve("t-old-html");

    Outcome pip = pip(target, "pages-demo==1.0");

    assertThat(pip.exitCode()).as(pip.output()).isZero();
    assertThat(importedVersion(target)).isEqualTo("1.0");
    assertThat(filesServed()).containsExactly("/files/pages_demo-1.0-py3-none-any.whl");
  }

  @Test
  void aVersionWhoseRequiresPythonExcludesThisPythonIsNotInstalled() throws Exception {
    Path target = work.resolve("t-excluded");

    Outcome pip = pip(target, "pages-demo==3.0");

    assertThat(pip.exitCode()).isNotZero();
    assertThat(pip.output())
        .contains("Ignored the following versions that require a different python version")
        .contains("3.0 Requires-Python >=3.99");
    assertThat(filesServed()).isEmpty();
    assertThat(target.resolve("pages_demo")).doesNotExist();
  }

  @Test
  void withContentNegotiationPipAsksForAndReadsTheJsonPage() throws Exception {
    negotiates = true;
    Path newest = work.resolve("t-newest-json");
    Path old = work.resolve("t-old-json");

    Outcome pipNewest = pip(newest, "pages-demo");
    Outcome pipOld = pip(old, "pages-demo==1.0");

    assertThat(pipNewest.exitCode()).as(pipNewest.output()).isZero();
    assertThat(pipOld.exitCode()).as(pipOld.output()).isZero();
    assertThat(importedVersion(newest)).isEqualTo("2.0");
    assertThat(importedVersion(old)).isEqualTo("1.0");
    assertThat(served)
        .filteredOn(s -> s.path().startsWith("/simple/"))
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.accept()).contains(JSON);
              assertThat(s.contentType()).isEqualTo(JSON);
            });
    assertThat(filesServed())
        .containsExactly(
            "/files/pages_demo-2.0-py3-none-any.whl", "/files/pages_demo-1.0-py3-none-any.whl");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aWrongSha256OnThePageMakesPipRefuseTheFile(boolean json) throws Exception {
    Path wrong = work.resolve("site-wrong-" + json);
    ReleaseFile wheel =
        release20.stream().filter(f -> f.fileName().endsWith(".whl")).findFirst().orElseThrow();
    DistributionLink right = link(wheel);
    new StaticSimpleIndex(wrong)
        .write(
            "pages-demo",
            List.of(
                new DistributionLink(
                    right.fileName(),
                    right.url(),
                    ZEROS,
                    right.size(),
                    right.requiresPython(),
                    null)));
    servedSite = wrong;
    negotiates = json;
    Path target = work.resolve("t-wrong-" + json);

    Outcome pip = pip(target, "pages-demo==2.0");

    assertThat(pip.exitCode()).isNotZero();
    assertThat(pip.output())
        .contains("THESE PACKAGES DO NOT MATCH THE HASHES")
        .contains("Expected sha256 " + ZEROS)
        .contains("Got        " + wheel.sha256());
    assertThat(filesServed()).containsExactly("/files/" + wheel.fileName());
    assertThat(target.resolve("pages_demo")).doesNotExist();
  }

  @Test
  void anSdistLinkedByThePageBuildsAndInstalls() throws Exception {
    Path target = work.resolve("t-sdist");

    Outcome pip = pip(target, "--no-binary", ":all:", "--no-build-isolation", "pages-demo==1.0");

    assertThat(pip.exitCode()).as(pip.output()).isZero();
    assertThat(importedVersion(target)).isEqualTo("1.0");
    assertThat(filesServed()).containsExactly("/files/pages_demo-1.0.tar.gz");
  }
}
