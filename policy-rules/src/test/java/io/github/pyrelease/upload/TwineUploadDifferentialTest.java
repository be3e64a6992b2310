package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Debian's twine 4.0.2: twine and pyrelease upload the same files to the
 * same loopback server, which takes each multipart form apart. The multiset of (field, value) pairs
 * and the file's bytes must be the same, part order, boundary and User-Agent aside, but for the
 * differences listed in {@link #asCurrentTwineSendsIt}, each a place where twine 4.0.2 (which reads
 * metadata with pkginfo 1.8) differs from current twine (packaging's metadata parser) and from what
 * warehouse reads.
 */
class TwineUploadDifferentialTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");
  private static final String TOKEN = "pypi-FAKE-differential-0c1d";

  @TempDir Path dir;

  private HttpServer server;
  private final Map<String, List<Captured>> captured = new ConcurrentHashMap<>();

  /** One upload as the server received it. */
  private record Captured(String authorization, MultipartForm form) {}

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/legacy/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          MultipartForm form =
              MultipartForm.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
          String agent = exchange.getRequestHeaders().getFirst("User-Agent");
          captured
              .computeIfAbsent(
                  agent.startsWith("twine") ? "twine" : "pyrelease", k -> new ArrayList<>())
              .add(new Captured(exchange.getRequestHeaders().getFirst("Authorization"), form));
          byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String uploadUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/legacy/";
  }

  @Test
  void aHatchlingWheelAndSdistAreSentAsTwineSendsThem() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(
        project.resolve("pyproject.toml"),
        """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "Acme.Widgets"
        version = "1.4.0"
        description = "Widgets f\u00fcr Acme \u2014 \u00fcn\u00efcode"
        readme = "README.md"
        requires-python = ">=3.8"
        license = {text = "MIT"}
        keywords = ["widgets", "acme", "\u00fcn\u00ef"]
        authors = [{name = "J\u00f6hn D\u0153", email = "john@example.com"}]
        maintainers = [{name = "Ann", email = "ann@example.com"}]
        classifiers = [
          "Programming Language :: Python :: 3",
          "Operating System :: OS Independent",
        ]
        dependencies = ["requests>=2.31", "rich; extra == 'cli'"]

        [project.optional-dependencies]
        cli = ["click"]
        docs = ["sphinx>=7"]

        [project.urls]
        Source = "https://github.com/acme/widgets"
        Docs = "https://acme.example/docs"

        [tool.hatch.build.targets.wheel]
        packages = ["src/acme_widgets"]
        """);
    Files.writeString(
        project.resolve("README.md"), "# Acme\n\nWidgets \u2014 \u00fcn\u00efcode.\n");
    Files.writeString(project.resolve("LICENSE"), "MIT\n");
    Files.createDirectories(project.resolve("src/acme_widgets"));
    Files.writeString(project.resolve("src/acme_widgets/__init__.py"), "__version__ = '1.4.0'\n");
    Path dist = dir.resolve("dist");
    run(
        project,
        PYTHON,
        "-m",
        "build",
        "--no-isolation",
        "--skip-dependency-check",
        "--outdir",
        dist.toString(),
        ".");

    compare(dist);
  }

  @Test
  void handWrittenMetadata22WithEveryMultipleUseFieldIsSentAsTwineSendsIt() throws Exception {
    // 2.2 is the newest metadata twine 4.0.2's pkginfo reads
    String metadata =
        "Metadata-Version: 2.2\nName: acme-tools\nVersion: 2.0.1\n"
            + "Summary: Tools \u2713 for \u00e9verything\nHome-page: https://acme.example/\n"
            + "Download-URL: https://acme.example/dl\nAuthor: J\u00f6hn D\u0153\n"
            + "Author-email: john@example.com\nMaintainer:\nMaintainer-email: ann@example.com\n"
            + "License: BSD-3-Clause\nLicense-File: LICENSE\nKeywords: a,b , c\n"
            + "Platform: linux\nPlatform: macos\nSupported-Platform: linux-x86_64\n"
            + "Supported-Platform: win32\n"
            + "Classifier: Programming Language :: Python :: 3\n"
            + "Classifier: Intended Audience :: Developers\n"
            + "Requires-Dist: requests>=2\nRequires-Dist: tomli; python_version < \"3.11\"\n"
            + "Requires-Python: >=3.9\nRequires-External: libxml2\nRequires-External: libz\n"
            + "Project-URL: Home, https://acme.example/\nProject-URL: Bugs, https://acme.example/b\n"
            + "Provides-Extra: fast\nProvides-Extra: docs\nProvides-Dist: acme_tools_compat\n"
            + "Obsoletes-Dist: acme-old\nDynamic: Classifier\nDynamic: Requires-Dist\n"
            + "Description-Content-Type: text/x-rst\n\nAcme tools\n==========\n\n\u00dcn\u00efc\u00f8de.\n";
    Path dist = Files.createDirectories(dir.resolve("dist"));
    new Archives.Wheel("acme-tools", "2.0.1")
        .tag("py2.py3-none-any")
        .metadata(metadata)
        .write(dist);
    Files.write(
        dist.resolve("acme_tools-2.0.1.tar.gz"),
        Archives.tarGz(Archives.sdist("acme-tools", "2.0.1", metadata)));

    compare(dist);
  }

  /** Uploads every file in {@code dist} with twine, then with pyrelease, and compares. */
  private void compare(Path dist) throws Exception {
    List<ReleaseFile> files = ReleaseFiles.read(dist);
    List<String> twine = new ArrayList<>(List.of(PYTHON, "-m", "twine", "upload"));
    twine.addAll(
        List.of(
            "--disable-progress-bar",
            "--non-interactive",
            "--repository-url",
            uploadUrl(),
            "-u",
            "__token__",
            "-p",
            TOKEN));
    files.forEach(f -> twine.add(f.path().toString()));
    run(dist, twine.toArray(String[]::new));

    IndexUploader uploader =
        new IndexUploader(new HttpClient(HttpSettings.defaults("pyrelease-test")));
    UploadTarget target =
        UploadTarget.of(
            "loopback",
            uploadUrl(),
            "loopback",
            new Credentials("__token__", Secret.of(TOKEN), "test"));
    for (ReleaseFile file : files) {
      assertThat(uploader.upload(target, file).status()).isEqualTo(UploadResult.Status.UPLOADED);
    }

    assertThat(captured.get("twine")).hasSize(files.size());
    assertThat(captured.get("pyrelease")).hasSize(files.size());
    for (int i = 0; i < files.size(); i++) {
      ReleaseFile file = files.get(i);
      Captured theirs = byFile(captured.get("twine"), file.fileName());
      Captured ours = byFile(captured.get("pyrelease"), file.fileName());
      assertThat(ours.authorization()).isEqualTo(theirs.authorization());
      MultipartForm.Part theirFile = theirs.form().file("content");
      MultipartForm.Part ourFile = ours.form().file("content");
      assertThat(ourFile.filename()).isEqualTo(theirFile.filename()).isEqualTo(file.fileName());
      assertThat(ourFile.contentType()).isEqualTo(theirFile.contentType());
      assertThat(ourFile.data())
          .isEqualTo(theirFile.data())
          .isEqualTo(Files.readAllBytes(file.path()));
      assertThat(sorted(ours.form().fields()))
          .as(file.fileName())
          .isEqualTo(
              sorted(asCurrentTwineSendsIt(theirs.form().fields(), ours.form().fields(), file)));
    }
  }

  /**
   * twine 4.0.2's fields with its known differences from current twine undone, each checked:
   *
   * <ul>
   *   <li>{@code provides_extras}: pkginfo's attribute name, which warehouse ignores; warehouse
   *       (and current twine) read {@code provides_extra}.
   *   <li>{@code keywords}: twine 4.0.2 sends the header as written; current twine (and warehouse,
   *       on reading) split it at commas, strip, and join with ", ".
   *   <li>an empty value for a header the file does not have ({@code home_page}, {@code comment},
   *       ...): pkginfo's {@code None} sent as ""; warehouse drops "" and current twine sends only
   *       the fields the metadata has.
   *   <li>an sdist's {@code pyversion}: "" from twine 4.0.2, "source" from current twine (warehouse
   *       fills in "source" for "").
   * </ul>
   */
  private static List<List<String>> asCurrentTwineSendsIt(
      List<List<String>> twine, List<List<String>> ours, ReleaseFile file) throws Exception {
    List<String> ourNames = ours.stream().map(p -> p.get(0)).toList();
    List<List<String>> adjusted = new ArrayList<>();
    int md5 = 0;
    for (List<String> pair : twine) {
      String name = pair.get(0);
      String value = pair.get(1);
      if (name.equals("md5_digest")) {
        // compared as any field; and it must be the file's MD5 (twine sends it once)
        assertThat(value).isEqualTo(md5(file.path()));
        md5++;
      }
      if (name.equals("provides_extras")) {
        adjusted.add(List.of("provides_extra", value));
      } else if (name.equals("keywords")) {
        adjusted.add(
            List.of(
                name,
                java.util.Arrays.stream(value.split(",", -1))
                    .map(String::strip)
                    .collect(Collectors.joining(", "))));
      } else if (name.equals("pyversion") && file.kind() == DistributionKind.SDIST) {
        assertThat(value).isEmpty();
        adjusted.add(List.of(name, "source"));
      } else if (value.isEmpty() && !ourNames.contains(name)) {
        continue; // an absent header, sent empty
      } else {
        adjusted.add(pair);
      }
    }
    assertThat(md5).isEqualTo(1);
    return adjusted;
  }

  private static Captured byFile(List<Captured> uploads, String fileName) {
    return uploads.stream()
        .filter(c -> c.form().file("content").filename().equals(fileName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no upload of " + fileName));
  }

  private static List<String> sorted(List<List<String>> pairs) {
    return pairs.stream().map(p -> p.get(0) + "=" + p.get(1)).sorted().toList();
  }

  private static String md5(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
  }

  private void run(Path directory, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("TWINE_"));
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
