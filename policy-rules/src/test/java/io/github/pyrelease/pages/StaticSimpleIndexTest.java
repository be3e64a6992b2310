package io.github.pyrelease.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSimpleIndexTest {

  static final String SHA_A = "a".repeat(64);
  static final String SHA_B = "b".repeat(64);
  static final String SHA_C = "c".repeat(64);
  static final String SHA_D = "d".repeat(64);
  static final Instant TIME = Instant.parse("2026-03-01T10:15:02.123456789Z");
  static final String DOWNLOAD = "https://github.com/acme/demo/releases/download/";

  @TempDir Path site;

  static DistributionLink link(String file, String tag, String sha256, long size) {
    return new DistributionLink(file, DOWNLOAD + tag + "/" + file, sha256, size, ">=3.8", TIME);
  }

  static List<DistributionLink> release10() {
    return List.of(
        link("pages_demo-1.0-py3-none-any.whl", "v1.0", SHA_A, 1234),
        link("pages_demo-1.0.tar.gz", "v1.0", SHA_B, 5678));
  }

  static List<DistributionLink> release11() {
    return List.of(
        link("pages_demo-1.1-py3-none-any.whl", "v1.1", SHA_C, 1300),
        new DistributionLink(
            "pages_demo-1.1.tar.gz",
            DOWNLOAD + "v1.1/pages_demo-1.1.tar.gz",
            SHA_D,
            5700,
            null,
            null));
  }

  StaticSimpleIndex index() {
    return new StaticSimpleIndex(site, URI.create("https://acme.github.io/demo"));
  }

  /** Every file of the site and its content, to compare a site before and after. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        files.put(
            root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
      }
    }
    return files;
  }

  @Test
  void writesTheProjectPageInHtmlAndJsonExactly() throws Exception {
    PagesResult result = index().write("Pages.Demo", release10());

    assertThat(site.resolve("simple/pages-demo/index.html"))
        .hasContent(
            """
            <!DOCTYPE html>
            <html>
              <head>
                <meta charset="utf-8">
                <meta name="pypi:repository-version" content="1.1">
                <title>Links for pages-demo</title>
              </head>
              <body>
                <h1>Links for pages-demo</h1>
                <a href="https://github.com/acme/demo/releases/download/v1.0/pages_demo-1.0-py3-none-any.whl#sha256=%s" data-requires-python="&gt;=3.8">pages_demo-1.0-py3-none-any.whl</a><br>
                <a href="https://github.com/acme/demo/releases/download/v1.0/pages_demo-1.0.tar.gz#sha256=%s" data-requires-python="&gt;=3.8">pages_demo-1.0.tar.gz</a><br>
              </body>
            </html>
            """
                .formatted(SHA_A, SHA_B));
    assertThat(Files.readString(site.resolve("simple/pages-demo/index.json")))
        .isEqualTo(
            """
            {
              "meta": {
                "api-version": "1.1"
              },
              "name": "pages-demo",
              "versions": [
                "1.0"
              ],
              "files": [
                {
                  "filename": "pages_demo-1.0-py3-none-any.whl",
                  "url": "https://github.com/acme/demo/releases/download/v1.0/pages_demo-1.0-py3-none-any.whl",
                  "hashes": {
                    "sha256": "%s"
                  },
                  "requires-python": ">=3.8",
                  "size": 1234,
                  "upload-time": "2026-03-01T10:15:02.123456Z"
                },
                {
                  "filename": "pages_demo-1.0.tar.gz",
                  "url": "https://github.com/acme/demo/releases/download/v1.0/pages_demo-1.0.tar.gz",
                  "hashes": {
                    "sha256": "%s"
                  },
                  "requires-python": ">=3.8",
                  "size": 5678,
                  "upload-time": "2026-03-01T10:15:02.123456Z"
                }
              ]
            }
            """
                .formatted(SHA_A, SHA_B));
    assertThat(result.written())
        .containsExactly(
            Path.of("simple/pages-demo/index.json"),
            Path.of("simple/pages-demo/index.html"),
            Path.of("simple/index.json"),
            Path.of("simple/index.html"),
            Path.of(".nojekyll"),
            Path.of("index.html"));
    assertThat(result.indexPath()).isEqualTo("simple/");
    assertThat(result.indexUrl()).contains(URI.create("https://acme.github.io/demo/simple/"));
    assertThat(result.project()).isEqualTo("pages-demo");
    assertThat(result.filesAdded()).isEqualTo(2);
    assertThat(result.filesAlreadyListed()).isZero();
    assertThat(result.filesListed()).isEqualTo(2);
    assertThat(result.projectsListed()).isEqualTo(1);
    assertThat(result.notes()).isEmpty();
    assertThat(result.pipCommand())
        .isEqualTo("pip install --extra-index-url https://acme.github.io/demo/simple/ pages-demo");
  }

  @Test
  void writesTheProjectListTheMarkerForPagesAndAHomePage() throws Exception {
    index().write("pages-demo", release10());

    assertThat(site.resolve("simple/index.html"))
        .hasContent(
            """
            <!DOCTYPE html>
            <html>
              <head>
                <meta charset="utf-8">
                <meta name="pypi:repository-version" content="1.1">
                <title>Simple index</title>
              </head>
              <body>
                <a href="pages-demo/">pages-demo</a><br>
              </body>
            </html>
            """);
    assertThat(Files.readString(site.resolve("simple/index.json")))
        .isEqualTo(
            """
            {
              "meta": {
                "api-version": "1.1"
              },
              "projects": [
                {
                  "name": "pages-demo"
                }
              ]
            }
            """);
    assertThat(site.resolve(".nojekyll")).exists().isEmptyFile();
    assertThat(Files.readString(site.resolve("index.html")))
        .contains("<meta name=\"generator\" content=\"pyrelease\">")
        .contains(
            "<pre>pip install --extra-index-url https://acme.github.io/demo/simple/ pages-demo</pre>")
        .contains("<li><a href=\"simple/pages-demo/\">pages-demo</a></li>");
  }

  @Test
  void withoutTheSiteAddressTheHomePageSaysWhereToPutIt() throws Exception {
    PagesResult result = new StaticSimpleIndex(site).write("pages-demo", release10());

    assertThat(result.indexUrl()).isEmpty();
    assertThat(result.pipCommand())
        .isEqualTo(
            "pip install --extra-index-url https://<owner>.github.io/<repository>/simple/ pages-demo");
    assertThat(Files.readString(site.resolve("index.html")))
        .contains(
            "pip install --extra-index-url https://&lt;owner&gt;.github.io/&lt;repository&gt;/simple/ pages-demo");
  }

  @Test
  void aNewReleaseIsMergedWithTheEarlierOne() throws Exception {
    index().write("pages-demo", release10());

    PagesResult result = index().write("pages-demo", release11());

    String json = Files.readString(site.resolve("simple/pages-demo/index.json"));
    assertThat(json)
        .contains("\"versions\": [\n    \"1.0\",\n    \"1.1\"\n  ]")
        .contains("pages_demo-1.0-py3-none-any.whl", "pages_demo-1.0.tar.gz")
        .contains("pages_demo-1.1-py3-none-any.whl", "pages_demo-1.1.tar.gz");
    // The sdist of 1.1 has neither Requires-Python nor upload time: null and no key.
    assertThat(json)
        .contains(
            """
                  "filename": "pages_demo-1.1.tar.gz",
                  "url": "https://github.com/acme/demo/releases/download/v1.1/pages_demo-1.1.tar.gz",
                  "hashes": {
                    "sha256": "%s"
                  },
                  "requires-python": null,
                  "size": 5700
                }
            """
                .formatted(SHA_D)
                .indent(0));
    List<Html.Anchor> anchors =
        Html.anchors(Files.readString(site.resolve("simple/pages-demo/index.html")));
    assertThat(anchors)
        .extracting(Html.Anchor::text)
        .containsExactly(
            "pages_demo-1.0-py3-none-any.whl",
            "pages_demo-1.0.tar.gz",
            "pages_demo-1.1-py3-none-any.whl",
            "pages_demo-1.1.tar.gz");
    assertThat(anchors.get(3).attribute("data-requires-python")).isNull();
    assertThat(result.filesAdded()).isEqualTo(2);
    assertThat(result.filesListed()).isEqualTo(4);
    assertThat(result.written())
        .containsExactly(
            Path.of("simple/pages-demo/index.json"), Path.of("simple/pages-demo/index.html"));
  }

  @Test
  void theSameFilesAgainChangeNothing() throws Exception {
    index().write("pages-demo", release10());
    Map<String, String> before = snapshot(site);

    PagesResult again = index().write("pages-demo", release10().subList(0, 1));

    assertThat(again.written()).isEmpty();
    assertThat(again.filesAdded()).isZero();
    assertThat(again.filesAlreadyListed()).isEqualTo(1);
    assertThat(again.filesListed()).isEqualTo(2);
    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void aPublishedFileWithAnotherDigestIsRefusedAndNothingChanges() throws Exception {
    index().write("pages-demo", release10());
    Map<String, String> before = snapshot(site);
    List<DistributionLink> changed =
        List.of(
            link("pages_demo-1.1-py3-none-any.whl", "v1.1", SHA_C, 10),
            link("pages_demo-1.0.tar.gz", "v1.0", SHA_D, 5678));

    assertThatThrownBy(() -> index().write("pages-demo", changed))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "pages_demo-1.0.tar.gz is already published with sha256 %s (%s), and this release's file has sha256 %s"
                .formatted(SHA_B, site.resolve("simple/pages-demo/index.json"), SHA_D))
        .extracting(e -> ((PyreleaseException) e).fix())
        .asString()
        .contains("a published file never changes", "release a new version");
    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void anHtmlOnlyIndexIsReadFromItsAnchors() throws Exception {
    Files.createDirectories(site.resolve("simple/pages-demo"));
    Files.createDirectories(site.resolve("simple/other-tool"));
    Files.writeString(
        site.resolve("simple/index.html"),
        "<html><body><a href='pages-demo/'>pages-demo</a> <a href=\"other-tool/\">Other_Tool</a>"
            + "</body></html>");
    Files.writeString(site.resolve("simple/other-tool/index.html"), "<html></html>");
    Files.writeString(
        site.resolve("simple/pages-demo/index.html"),
        """
        <!DOCTYPE html>
        <html><head><meta name="pypi:repository-version" content="1.0"></head><body>
        <h1>Links for pages-demo</h1>
        <a href="https://files.example/pages_demo-0.9.tar.gz#sha256=%s"
           data-requires-python="&gt;=3.7">pages_demo-0.9.tar.gz</a><br/>
        <A HREF='https://files.example/pages_demo-0.8-py3-none-any.whl#md5=0123'
           data-yanked="broken &amp; slow">pages_demo-0.8-py3-none-any.whl</A>
        </body></html>
        """
            .formatted(SHA_A));

    PagesResult result = index().write("pages-demo", release10());

    String json = Files.readString(site.resolve("simple/pages-demo/index.json"));
    assertThat(json)
        .contains("\"api-version\": \"1.0\"")
        .contains("\"versions\": [\n    \"0.8\",\n    \"0.9\",\n    \"1.0\"\n  ]")
        .contains(
            """
                {
                  "filename": "pages_demo-0.8-py3-none-any.whl",
                  "url": "https://files.example/pages_demo-0.8-py3-none-any.whl",
                  "hashes": {},
                  "requires-python": null,
                  "yanked": "broken & slow"
                },
                {
                  "filename": "pages_demo-0.9.tar.gz",
                  "url": "https://files.example/pages_demo-0.9.tar.gz",
                  "hashes": {
                    "sha256": "%s"
                  },
                  "requires-python": ">=3.7"
                },
            """
                .formatted(SHA_A));
    String html = Files.readString(site.resolve("simple/pages-demo/index.html"));
    assertThat(html)
        .contains("<meta name=\"pypi:repository-version\" content=\"1.0\">")
        .contains(
            "<a href=\"https://files.example/pages_demo-0.8-py3-none-any.whl\" data-yanked=\"broken &amp; slow\">pages_demo-0.8-py3-none-any.whl</a><br>")
        .contains(
            "<a href=\"https://files.example/pages_demo-0.9.tar.gz#sha256=%s\" data-requires-python=\"&gt;=3.7\">pages_demo-0.9.tar.gz</a><br>"
                .formatted(SHA_A));
    assertThat(Files.readString(site.resolve("simple/index.json")))
        .contains("\"name\": \"other-tool\"", "\"name\": \"pages-demo\"");
    assertThat(result.projectsListed()).isEqualTo(2);
    assertThat(result.filesListed()).isEqualTo(4);
    assertThat(result.notes())
        .singleElement()
        .asString()
        .contains("simple/pages-demo/ declares simple API version 1.0");
  }

  @Test
  void aFileListedWithoutSha256CannotBeConfirmed() throws Exception {
    Files.createDirectories(site.resolve("simple/pages-demo"));
    Files.writeString(
        site.resolve("simple/pages-demo/index.html"),
        "<a href=\"https://x.example/pages_demo-1.0.tar.gz\">pages_demo-1.0.tar.gz</a>");

    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("pages_demo-1.0.tar.gz is already listed in")
        .hasMessageContaining("without a sha256");
  }

  @Test
  void projectsListedEarlierStay() throws Exception {
    index().write("alpha", List.of(link("alpha-2.0.tar.gz", "v2.0", SHA_C, 1)));

    PagesResult result = index().write("pages-demo", release10());

    assertThat(result.projectsListed()).isEqualTo(2);
    assertThat(Html.anchors(Files.readString(site.resolve("simple/index.html"))))
        .extracting(Html.Anchor::text)
        .containsExactly("alpha", "pages-demo");
    assertThat(site.resolve("simple/alpha/index.json")).exists();
    assertThat(Files.readString(site.resolve("index.html")))
        .contains("simple/alpha/", "simple/pages-demo/");
  }

  @Test
  void aHomePageNotWrittenByPyreleaseIsLeftAlone() throws Exception {
    Files.writeString(site.resolve("index.html"), "<h1>Our documentation</h1>");

    PagesResult result = index().write("pages-demo", release10());

    assertThat(site.resolve("index.html")).hasContent("<h1>Our documentation</h1>");
    assertThat(result.written()).doesNotContain(Path.of("index.html"));
    assertThat(result.notes())
        .singleElement()
        .asString()
        .startsWith("index.html was left as it is");
  }

  @Test
  void aCorruptJsonPageIsAnErrorNamingFileLineAndColumnAndNothingIsWritten() throws Exception {
    Path page = site.resolve("simple/pages-demo/index.json");
    Files.createDirectories(page.getParent());
    Files.writeString(page, "{\n  \"meta\": {\"api-version\": \"1.1\"},\n  \"files\": [,]\n}\n");
    Map<String, String> before = snapshot(site);

    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .isInstanceOfSatisfying(
            PyreleaseException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith(
                      "the existing page "
                          + page
                          + " is not valid JSON: Unexpected character (','");
              assertThat(e.where()).isEqualTo(page + ":3:13");
              assertThat(e.fix()).contains("git checkout <commit> -- <file>", "will not overwrite");
            });
    assertThatThrownBy(() -> index().dryRun("pages-demo", release10()))
        .isInstanceOf(PyreleaseException.class);
    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void aJsonPageOfAnotherShapeIsAnError() throws Exception {
    Path page = site.resolve("simple/pages-demo/index.json");
    Files.createDirectories(page.getParent());

    Files.writeString(page, "{\"meta\": {\"api-version\": \"1.1\"}, \"file\": []}");
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .hasMessage("the existing page " + page + " has no 'files' list");

    Files.writeString(page, "{\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}");
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .hasMessage(
            "the existing page "
                + page
                + " is of simple API version 2.0; pyrelease reads and writes version 1");

    Files.writeString(page, "{\"files\": [{\"filename\": \"a.whl\"}]}");
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .isInstanceOfSatisfying(
            PyreleaseException.class,
            e -> {
              assertThat(e.getMessage()).endsWith("lists a file without 'url'");
              assertThat(e.where()).isEqualTo(page + " at files[0]");
            });

    Files.writeString(page, "[]");
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .hasMessageEndingWith("is not a JSON object");

    Files.writeString(page, "{\"files\": []} {}");
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .hasMessageContaining("is not valid JSON");

    Files.write(page, new byte[] {'{', (byte) 0xff, '}'});
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .hasMessageEndingWith("is not UTF-8 text");

    Files.writeString(site.resolve("simple/index.json"), "");
    Files.delete(page);
    assertThatThrownBy(() -> index().write("pages-demo", release10()))
        .hasMessage("the existing page " + site.resolve("simple/index.json") + " is empty");
  }

  @Test
  void aFailedMoveLeavesTheOldPagesAndNoTemporaryFile() throws Exception {
    index().write("pages-demo", release10());
    Map<String, String> before = snapshot(site);
    int[] moves = {0};
    StagedFiles.Mover failsThirdMove =
        (source, target) -> {
          if (++moves[0] == 3) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "disk full");
          }
          StagedFiles.ATOMIC_MOVE.move(source, target);
        };
    StaticSimpleIndex failing =
        new StaticSimpleIndex(site, URI.create("https://acme.github.io/demo/"), failsThirdMove);

    // A new project: its two pages are moved into place, then the project list fails.
    assertThatThrownBy(
            () -> failing.write("alpha", List.of(link("alpha-1.0.tar.gz", "a", SHA_C, 1))))
        .isInstanceOfSatisfying(
            PyreleaseException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("cannot move the new " + site.resolve("simple/index.json"))
                  .contains("disk full")
                  .endsWith("the pages written before it were put back as they were");
              assertThat(e.fix()).contains("run again");
            });
    assertThat(moves[0]).isEqualTo(3);
    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void aFailedMoveOverAnExistingPagePutsTheOldContentBack() throws Exception {
    index().write("pages-demo", release10());
    Map<String, String> before = snapshot(site);
    int[] moves = {0};
    StagedFiles.Mover failsSecondMove =
        (source, target) -> {
          if (++moves[0] == 2) {
            throw new IOException("no space left on device");
          }
          StagedFiles.ATOMIC_MOVE.move(source, target);
        };

    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site, null, failsSecondMove).write("pages-demo", release11()))
        .hasMessageContaining("no space left on device");

    assertThat(moves[0]).isEqualTo(2);
    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void aFailureWhileWritingTheNewContentChangesNothing() throws Exception {
    index().write("pages-demo", release10());
    // A file where the new project's folder must go: its pages cannot be written.
    Files.writeString(site.resolve("simple/alpha"), "in the way");
    Map<String, String> before = snapshot(site);

    assertThatThrownBy(
            () -> index().write("alpha", List.of(link("alpha-1.0.tar.gz", "a", SHA_C, 1))))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith("cannot write " + site.resolve("simple/alpha/index.json"))
        .hasMessageEndingWith("no page was changed");

    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void aDryRunSaysWhatWouldChangeAndWritesNothing() throws Exception {
    index().write("pages-demo", release10());
    Map<String, String> before = snapshot(site);

    List<DistributionLink> again =
        List.of(release10().get(1), release11().get(0), release11().get(1));
    List<String> lines = index().dryRun("pages-demo", again);

    assertThat(lines)
        .containsExactly(
            "pages-index: pages-demo in " + site + " (dry run: nothing is written)",
            "  would update simple/pages-demo/index.json: 4 files of pages-demo, versions 1.0, 1.1 (simple API 1.1)",
            "  would update simple/pages-demo/index.html: 4 files of pages-demo, versions 1.0, 1.1 (simple API 1.1)",
            "  unchanged: simple/index.json",
            "  unchanged: simple/index.html",
            "  unchanged: .nojekyll",
            "  unchanged: index.html",
            "  files of pages-demo:",
            "      pages_demo-1.0-py3-none-any.whl (listed earlier)",
            "    = pages_demo-1.0.tar.gz (already listed, same sha256)",
            "    + pages_demo-1.1-py3-none-any.whl (new)",
            "    + pages_demo-1.1.tar.gz (new)",
            "  install: pip install --extra-index-url https://acme.github.io/demo/simple/ pages-demo");
    assertThat(snapshot(site)).isEqualTo(before);
  }

  @Test
  void aDryRunOfANewSiteCreatesNoFolder() {
    Path fresh = site.resolve("gh-pages");

    List<String> lines = new StaticSimpleIndex(fresh).dryRun("pages-demo", release10());

    assertThat(lines)
        .contains(
            "  would create simple/index.html: projects pages-demo",
            "  would create .nojekyll (GitHub Pages then serves the files as they are, without Jekyll)",
            "    + pages_demo-1.0.tar.gz (new)");
    assertThat(fresh).doesNotExist();
  }

  @Test
  void modulesOfAParallelReactorPublishingIntoOneSiteAreAllListed() throws Exception {
    int modules = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(modules);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<PagesResult>> results = new java.util.ArrayList<>();
    for (int i = 0; i < modules; i++) {
      String name = "module" + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return index()
                    .write(
                        name,
                        List.of(link(name + "-1.0-py3-none-any.whl", name + "-v1.0", SHA_A, 10)));
              }));
    }
    start.countDown();
    for (var result : results) {
      result.get(2, java.util.concurrent.TimeUnit.MINUTES);
    }
    pool.shutdown();

    String list = Files.readString(site.resolve("simple/index.json"));
    for (int i = 0; i < modules; i++) {
      assertThat(list).contains("\"name\": \"module" + i + "\"");
      assertThat(site.resolve("simple/module" + i + "/index.html")).isRegularFile();
    }
  }
}
