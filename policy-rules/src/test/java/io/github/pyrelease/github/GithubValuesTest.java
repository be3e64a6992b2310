package io.github.pyrelease.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small values: repositories, asset files, Link headers, rate limits, requests. */
class GithubValuesTest {

  private static final String SHA = "0123456789abcdef".repeat(4);

  @Test
  void repositoriesAreOwnerSlashName() {
    assertThat(GithubRepository.parse(" acme/tool.py ").toString()).isEqualTo("acme/tool.py");
    assertThat(GithubRepository.parse("Acme-Corp/my_tool").owner()).isEqualTo("Acme-Corp");
    for (String bad :
        List.of(
            "", "acme", "acme/", "/tool", "acme/tool/x", "ac me/tool", "-acme/tool", "acme/..")) {
      assertThatThrownBy(() -> GithubRepository.parse(bad))
          .as(bad)
          .isInstanceOf(PyreleaseException.class)
          .hasMessageContaining("is not a GitHub repository of the form owner/name");
    }
    assertThatThrownBy(() -> GithubRepository.parse("acme/tool.git"))
        .isInstanceOf(PyreleaseException.class)
        .satisfies(e -> assertThat(((PyreleaseException) e).fix()).contains("acme/tool"));
  }

  @Test
  void assetsTakeTheirMediaTypeFromTheirName() {
    assertThat(AssetFile.of(Path.of("acme-1.0-py3-none-any.whl"), SHA, 1).contentType())
        .isEqualTo("application/octet-stream");
    assertThat(AssetFile.of(Path.of("acme-1.0.tar.gz"), SHA, 1).contentType())
        .isEqualTo("application/gzip");
    assertThat(AssetFile.of(Path.of("SHA256SUMS"), SHA, 1).contentType()).isEqualTo("text/plain");
    assertThat(AssetFile.of(Path.of("acme-1.0.zip"), SHA, 1).contentType())
        .isEqualTo("application/zip");
    assertThat(AssetFile.of(Path.of("x"), SHA.toUpperCase(), 1).sha256()).isEqualTo(SHA);
    assertThatThrownBy(() -> AssetFile.of(Path.of("x.whl"), "abc", 1))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("not 64 hex digits");
  }

  @Test
  void theNextLinkIsFoundAmongOthers() {
    assertThat(
            LinkHeader.next(
                "<https://api.github.com/repositories/1/releases?page=1>; rel=\"prev\", "
                    + "<https://api.github.com/repositories/1/releases?page=3>; rel=\"next\", "
                    + "<https://api.github.com/repositories/1/releases?page=5>; rel=\"last\""))
        .contains("https://api.github.com/repositories/1/releases?page=3");
    assertThat(LinkHeader.next("<https://x/?page=2>; rel=next")).contains("https://x/?page=2");
    assertThat(LinkHeader.next("<https://x/?page=1>; rel=\"first\"")).isEmpty();
    assertThat(LinkHeader.next(null)).isEmpty();
  }

  private static HttpResponse answer(int status, Map<String, String> headers) {
    return new HttpResponse(
        status,
        "https://api.github.com/x",
        headers.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        new byte[0],
        1,
        null);
  }

  @Test
  void rateLimitsAreToldFromPermissionErrors() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    RateLimit primary =
        RateLimit.of(
            answer(
                429,
                Map.of(
                    "x-ratelimit-remaining",
                    "0",
                    "x-ratelimit-reset",
                    Long.toString(now.getEpochSecond() + 10))),
            null,
            now);
    assertThat(primary.delay()).isEqualTo(Duration.ofSeconds(11));
    assertThat(RateLimit.of(answer(403, Map.of("retry-after", "120")), null, now).delay())
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(
            RateLimit.of(answer(403, Map.of()), "You have exceeded a secondary rate limit", now)
                .delay())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(
            RateLimit.of(
                answer(403, Map.of("x-ratelimit-remaining", "4999")),
                "Resource not accessible",
                now))
        .isNull();
    assertThat(RateLimit.of(answer(404, Map.of("x-ratelimit-remaining", "0")), null, now)).isNull();
  }

  @Test
  void aRequestIsCheckedWhenBuilt() {
    Path file = Path.of("acme.whl");
    assertThatThrownBy(
            () ->
                GithubReleaseRequest.builder("acme/tool", "v1.0")
                    .asset(AssetFile.of(file, SHA, 1))
                    .asset(AssetFile.of(file, SHA, 1))
                    .build())
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("two release assets are named acme.whl");
    assertThatThrownBy(() -> GithubReleaseRequest.builder("acme/tool", "v 1.0").build())
        .isInstanceOf(PyreleaseException.class);
    GithubReleaseRequest defaults = GithubReleaseRequest.builder("acme/tool", "v1.0").build();
    assertThat(defaults.name()).isEqualTo("v1.0");
    assertThat(defaults.body()).isEmpty();
    assertThat(defaults.listener()).isSameAs(GithubReleaseListener.NONE);
  }

  @Test
  void theUploadUrlTemplateIsStripped() {
    assertThat(
            GithubRelease.stripTemplate(
                "https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}"))
        .isEqualTo("https://uploads.github.com/repos/o/r/releases/1/assets");
  }
}
