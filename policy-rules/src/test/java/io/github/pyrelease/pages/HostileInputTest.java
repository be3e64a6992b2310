package io.github.pyrelease.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.PyreleaseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, URLs and metadata that could break a page are escaped, encoded or refused. */
class HostileInputTest {

  static final String PYTHON = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
  static final String SHA = "0123456789abcdef".repeat(4);

  @TempDir Path site;

  /**
   * Python's html.parser (the parser pip reads pages with) reads the anchors back: their attributes
   * and text, and the file name pip derives from the URL.
   */
  static JsonNode anchorsAsPythonReadsThem(Path page) throws Exception {
    String script =
        """
        import html.parser, json, sys, urllib.parse, posixpath
        class P(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.anchors, self.current = [], None
            def handle_starttag(self, tag, attrs):
                if tag == "a":
                    self.current = {"attrs": dict(attrs), "text": ""}
            def handle_data(self, data):
                if self.current is not None:
                    self.current["text"] += data
            def handle_endtag(self, tag):
                if tag == "a" and self.current is not None:
                    href = self.current["attrs"]["href"]
                    path = urllib.parse.urlsplit(href).path
                    self.current["pip_filename"] = urllib.parse.unquote(posixpath.basename(path))
                    self.anchors.append(self.current)
                    self.current = None
        p = P()
        p.feed(open(sys.argv[1], encoding="utf-8").read())
        print(json.dumps(p.anchors))
        """;
    Process python =
        new ProcessBuilder(PYTHON, "-c", script, page.toString()).redirectErrorStream(true).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }

  @Test
  void quotesAngleBracketsAmpersandsAndSpacesNeverBreakThePage() throws Exception {
    String wheel = "pages_demo-1.0-py3-none-a&\"<'b> c.whl";
    String url = "https://files.example/dl/a b/\"q\"&<x>'/ü/" + wheel + "?x=1&y=\"2\"";
    String requiresPython = ">=3.8, <4 & \"x\" 'y'";
    List<DistributionLink> links =
        List.of(new DistributionLink(wheel, url, SHA, 10, requiresPython, null));

    new StaticSimpleIndex(site).write("pages-demo", links);

    String encoded =
        "https://files.example/dl/a%20b/%22q%22&%3Cx%3E'/%C3%BC/"
            + "pages_demo-1.0-py3-none-a&%22%3C'b%3E%20c.whl?x=1&y=%222%22";
    Path html = site.resolve("simple/pages-demo/index.html");
    assertThat(Files.readString(html))
        .contains(
            "<a href=\"https://files.example/dl/a%20b/%22q%22&amp;%3Cx%3E&#39;/%C3%BC/"
                + "pages_demo-1.0-py3-none-a&amp;%22%3C&#39;b%3E%20c.whl?x=1&amp;y=%222%22#sha256="
                + SHA
                + "\" data-requires-python=\"&gt;=3.8, &lt;4 &amp; &quot;x&quot; &#39;y&#39;\">"
                + "pages_demo-1.0-py3-none-a&amp;&quot;&lt;&#39;b&gt; c.whl</a><br>");
    JsonNode anchors = anchorsAsPythonReadsThem(html);
    assertThat(anchors).hasSize(1);
    JsonNode anchor = anchors.get(0);
    assertThat(anchor.path("attrs").path("href").asText()).isEqualTo(encoded + "#sha256=" + SHA);
    assertThat(anchor.path("attrs").path("data-requires-python").asText())
        .isEqualTo(requiresPython);
    assertThat(anchor.path("text").asText()).isEqualTo(wheel);
    assertThat(anchor.path("pip_filename").asText()).isEqualTo(wheel);

    JsonNode json =
        new ObjectMapper().readTree(site.resolve("simple/pages-demo/index.json").toFile());
    assertThat(json.at("/files/0/url").asText()).isEqualTo(encoded);
    assertThat(json.at("/files/0/filename").asText()).isEqualTo(wheel);
    assertThat(json.at("/files/0/requires-python").asText()).isEqualTo(requiresPython);

    // Read back (from JSON, then from HTML alone): the same file again changes nothing.
    assertThat(new StaticSimpleIndex(site).write("pages-demo", links).written()).isEmpty();
    Files.delete(site.resolve("simple/pages-demo/index.json"));
    assertThat(new StaticSimpleIndex(site).write("pages-demo", links).written())
        .containsExactly(
            Path.of("simple/pages-demo/index.json"), Path.of("simple/pages-demo/index.html"));
    assertThat(json(site.resolve("simple/pages-demo/index.json")).at("/files/0/url").asText())
        .isEqualTo(encoded);
  }

  static JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void anEncodedUrlIsNotEncodedTwice() throws Exception {
    String url = "https://files.example/a%20b/pages_demo-1.0.tar.gz";
    new StaticSimpleIndex(site)
        .write(
            "pages-demo",
            List.of(new DistributionLink("pages_demo-1.0.tar.gz", url, SHA, 1, null, null)));

    assertThat(json(site.resolve("simple/pages-demo/index.json")).at("/files/0/url").asText())
        .isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>", "-demo", "demo-", "", "dé", "a b", "demo\n"})
  void aProjectNameThatIsNotValidIsRefused(String name) {
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        name,
                        List.of(
                            new DistributionLink(
                                "demo-1.0.tar.gz",
                                "https://x.example/demo-1.0.tar.gz",
                                SHA,
                                1,
                                null,
                                null))))
        .isInstanceOfSatisfying(
            PyreleaseException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("'" + name + "' is not a valid project name");
              assertThat(e.fix()).contains("PEP 508");
            });
    assertThat(site).isEmptyDirectory();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          other-1.0.tar.gz                    | it is a distribution of 'other', not of project 'pages-demo'
          other-1.0-py3-none-any.whl          | it is a distribution of 'other', not of project 'pages-demo'
          pages_demo_extra-1.0.tar.gz         | it is a distribution of 'pages_demo_extra', not of project 'pages-demo'
          pages_demo-1.0.exe                  | it is neither a wheel (.whl) nor an sdist (.tar.gz, .zip)
          pages_demo-1.0-py3-any.whl          | a wheel's name has 5 or 6 parts separated by '-', this one has 4
          pages_demo-x.y.tar.gz               | the version 'x.y' in its name is not a PEP 440 version
          pagesdemo.tar.gz                    | an sdist's name is <name>-<version>.tar.gz, this one has no '-'
          """)
  void aFileThatIsNotADistributionOfTheProjectIsRefused(String file, String reason) {
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink(
                                file, "https://x.example/" + file, SHA, 1, null, null))))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("cannot list " + file + " on the page of pages-demo: " + reason);
    assertThat(site).isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../pages_demo-1.0.tar.gz",
        "dir/pages_demo-1.0.tar.gz",
        "a\\b",
        " ",
        "pages_demo-1.0.tar.gz\n"
      })
  void aPathOrControlCharacterIsNoFileName(String file) {
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink(file, "https://x.example/a", SHA, 1, null, null))))
        .hasMessage("'" + file + "' is not a file name");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /releases/pages_demo-1.0.tar.gz                         | it is not an absolute http(s) URL
          ftp://x.example/pages_demo-1.0.tar.gz                   | it is not an absolute http(s) URL
          https:pages_demo-1.0.tar.gz                             | it names no host
          https://x.example/pages_demo-1.0.tar.gz#md5=00          | it has a fragment (#...), where pyrelease puts the file's sha256
          https://x.example/other.tar.gz                          | its last path segment is 'other.tar.gz', not the file name (pip names the file it downloads after the URL)
          https://x.example/pages_demo-1.0.tar.gz/                | its last path segment is '', not the file name (pip names the file it downloads after the URL)
          """)
  void aUrlThatCannotLinkTheFileIsRefused(String url, String reason) {
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink(
                                "pages_demo-1.0.tar.gz", url, SHA, 1, null, null))))
        .hasMessage("cannot link pages_demo-1.0.tar.gz to " + url + ": " + reason);
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutShowingThem() {
    String url = "https://bot:s3cret-token@x.example/pages_demo-1.0.tar.gz";
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink(
                                "pages_demo-1.0.tar.gz", url, SHA, 1, null, null))))
        .isInstanceOfSatisfying(
            PyreleaseException.class,
            e -> {
              assertThat(e.describe()).doesNotContain("s3cret").doesNotContain("bot:");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "cannot link pages_demo-1.0.tar.gz to https://***@x.example/pages_demo-1.0.tar.gz:"
                          + " it carries credentials, which a public page would show to everyone");
            });
    assertThat(site).isEmptyDirectory();
  }

  @Test
  void aDigestThatIsNotSha256HexIsRefused() {
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink(
                                "pages_demo-1.0.tar.gz",
                                "https://x.example/pages_demo-1.0.tar.gz",
                                "\"><script>",
                                1,
                                null,
                                null))))
        .hasMessage(
            "the sha256 of pages_demo-1.0.tar.gz is not 64 hexadecimal digits: '\"><script>'");
  }

  @Test
  void theSameFileTwiceWithTwoDigestsIsRefused() {
    String url = "https://x.example/pages_demo-1.0.tar.gz";
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(site)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink("pages_demo-1.0.tar.gz", url, SHA, 1, null, null),
                            new DistributionLink(
                                "pages_demo-1.0.tar.gz", url, "f".repeat(64), 1, null, null))))
        .hasMessage("pages_demo-1.0.tar.gz is given twice, with two sha256s");
  }

  @Test
  void anOutputFolderThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(site.resolve("gh-pages"), "x");
    assertThatThrownBy(
            () ->
                new StaticSimpleIndex(file)
                    .write(
                        "pages-demo",
                        List.of(
                            new DistributionLink(
                                "pages_demo-1.0.tar.gz",
                                "https://x.example/pages_demo-1.0.tar.gz",
                                SHA,
                                1,
                                null,
                                null))))
        .hasMessage("the output folder " + file + " is a file");
  }
}
