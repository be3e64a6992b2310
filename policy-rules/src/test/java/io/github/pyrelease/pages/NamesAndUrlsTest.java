package io.github.pyrelease.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesAndUrlsTest {

  @ParameterizedTest
  @CsvSource({
    "pages-demo, pages_demo-1.0-py3-none-any.whl, 1.0",
    "pages-demo, Pages.Demo-2.0rc1-1-py3-none-any.whl, 2.0rc1",
    "pages-demo, pages_demo-1.0.tar.gz, 1.0",
    "pages-demo, pages-demo-1.0-1.tar.gz, 1.0.post1",
    "pages-demo, Pages_Demo-01.02.zip, 1.2",
    "zope-interface, zope.interface-5.0.tar.gz, 5.0",
    "a-1, a-1-1.0.tar.gz, 1.0",
  })
  void theVersionComesFromTheFileNameNormalised(String project, String file, String version) {
    assertThat(DistributionFileName.version(project, file)).isEqualTo(version);
  }

  @Test
  void aFileNameOfAnotherProjectHasNoVersionForThisOne() {
    assertThat(DistributionFileName.versionOf("pages-demo", "other-1.0.tar.gz")).isEmpty();
    assertThat(DistributionFileName.versionOf("pages-demo", "pages_demo-weird.tar.gz"))
        .contains("weird");
  }

  @Test
  void encodingLeavesValidUrlsAloneAndIsIdempotent() {
    String plain =
        "https://github.com/acme/demo/releases/download/v1.0+local/demo-1.0.tar.gz?a=1&b=2";
    assertThat(Urls.encode(plain)).isEqualTo(plain);
    String hostile = "http://[::1]:8080/a b/100%/ü[x]/demo-1.0.tar.gz";
    String encoded = Urls.encode(hostile);
    assertThat(encoded).isEqualTo("http://[::1]:8080/a%20b/100%25/%C3%BC%5Bx%5D/demo-1.0.tar.gz");
    assertThat(Urls.encode(encoded)).isEqualTo(encoded);
    assertThat(Urls.problem(encoded, "demo-1.0.tar.gz")).isNull();
  }

  @Test
  void credentialsAreRedactedFromMessages() {
    assertThat(Urls.redacted("https://u:p@h.example/a@b")).isEqualTo("https://***@h.example/a@b");
    assertThat(Urls.redacted("https://h.example/a@b")).isEqualTo("https://h.example/a@b");
    assertThat(Urls.redacted("not a url")).isEqualTo("not a url");
  }

  @Test
  void htmlEscapingRoundTrips() {
    String text = "<a href=\"x\">'&amp;'</a> &#169; &#x1F600;";
    assertThat(Html.escape(text))
        .isEqualTo(
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt; &amp;#169; &amp;#x1F600;");
    assertThat(Html.unescape(Html.escape(text))).isEqualTo(text);
    assertThat(Html.unescape("&copy; &#169; &#x1F600; &bogus; &#1114112;"))
        .isEqualTo("&copy; © \uD83D\uDE00 &bogus; &#1114112;");
  }

  @Test
  void gitHubPagesServesAProjectSiteUnderTheOwnersHost() {
    assertThat(GitHubPages.siteUrl("Acme", "tool"))
        .isEqualTo(URI.create("https://acme.github.io/tool/"));
    assertThat(GitHubPages.siteUrl("Acme", "acme.github.io"))
        .isEqualTo(URI.create("https://acme.github.io/"));
    assertThatThrownBy(() -> GitHubPages.siteUrl("ac me", "tool"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("'ac me' is not a GitHub user or organisation name");
    assertThatThrownBy(() -> GitHubPages.siteUrl("acme", "../x"))
        .hasMessage("'../x' is not a GitHub repository name");
  }

  @Test
  void theSiteUrlMustBeAbsolute() {
    assertThatThrownBy(
            () -> new StaticSimpleIndex(java.nio.file.Path.of("x"), URI.create("/relative/")))
        .hasMessage("the site URL /relative/ is not an absolute http(s) URL");
  }
}
