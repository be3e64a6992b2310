package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where upload credentials come from, in which order, and what is said when none are found. */
class UploadCredentialsTest {

  private static final String PYPI = "https://upload.pypi.org/legacy/";

  @TempDir Path dir;

  private final List<String> console = new ArrayList<>();
  private final HttpClient http = new HttpClient(HttpSettings.defaults("pyrelease-test"));

  private UploadCredentials resolver(
      Map<String, Credentials> servers, Map<String, String> environment, Path pypirc) {
    return new UploadCredentials(
        new CredentialLookup(new ServerCredentials(servers), environment),
        pypirc,
        http,
        console::add);
  }

  private Path pypirc(String text) throws Exception {
    return Files.writeString(dir.resolve(".pypirc"), text);
  }

  @Test
  void eachSourceWinsOverEveryLaterOne() throws Exception {
    Map<String, Credentials> servers =
        new HashMap<>(
            Map.of(
                "pypi",
                new Credentials("__token__", Secret.of("s1"), "settings.xml server 'pypi'")));
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "PYRELEASE_PYPI_TOKEN", "s2",
                "PYRELEASE_PYPI_PROD_TOKEN", "s3",
                "TWINE_USERNAME", "twine-user",
                "TWINE_PASSWORD", "s4"));
    Path pypirc = pypirc("[pypi]\nusername = rc-user\npassword = s5\n");
    List<String> origins = new ArrayList<>();
    List<String> secrets = new ArrayList<>();

    for (int source = 1; source <= 5; source++) {
      Credentials found = resolver(servers, environment, pypirc).resolve("pypi-prod", "pypi", PYPI);
      origins.add(found.username() + " from " + found.origin());
      secrets.add(found.password().reveal());
      // take the winner away: the next source must win
      switch (source) {
        case 1 -> servers.clear();
        case 2 -> environment.remove("PYRELEASE_PYPI_TOKEN");
        case 3 -> environment.remove("PYRELEASE_PYPI_PROD_TOKEN");
        case 4 -> {
          environment.remove("TWINE_PASSWORD");
          environment.remove("TWINE_USERNAME");
        }
        default -> {}
      }
    }

    assertThat(origins)
        .containsExactly(
            "__token__ from settings.xml server 'pypi'",
            "__token__ from environment PYRELEASE_PYPI_TOKEN",
            "__token__ from environment PYRELEASE_PYPI_PROD_TOKEN",
            "twine-user from environment TWINE_USERNAME/TWINE_PASSWORD",
            "rc-user from " + pypirc + " [pypi]");
    assertThat(secrets).containsExactly("s1", "s2", "s3", "s4", "s5");
  }

  @Test
  void twinesUserNameDefaultsToToken() {
    Credentials found =
        resolver(Map.of(), Map.of("TWINE_PASSWORD", "pypi-x"), dir.resolve("none"))
            .resolve("pypi", null, PYPI);

    assertThat(found.username()).isEqualTo("__token__");
    assertThat(found.origin()).isEqualTo("environment TWINE_PASSWORD");
  }

  @Test
  void twinesPasswordForAnotherRepositoryIsNotSentHere() {
    UploadCredentials resolver =
        resolver(
            Map.of(),
            Map.of(
                "TWINE_PASSWORD", "pypi-for-test",
                "TWINE_REPOSITORY_URL", "https://test.pypi.org/legacy/"),
            dir.resolve("none"));

    assertThatThrownBy(() -> resolver.resolve("pypi", null, PYPI))
        .hasMessageContaining("TWINE_REPOSITORY_URL is https://test.pypi.org/legacy/")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pypi-for-test"));
  }

  @Test
  void aPypircSectionIsFoundByStageNameOrByItsRepositoryUrl() throws Exception {
    Path pypirc =
        pypirc(
            "[distutils]\nindex-servers = pypi staging nexus\n[staging]\npassword = by-name\n"
                + "repository = https://staging.example/legacy/\n[nexus]\n"
                + "repository = https://nexus.example/repository/pypi-internal\n"
                + "username = deploy\npassword = by-url\n");
    UploadCredentials resolver = resolver(Map.of(), Map.of(), pypirc);

    Credentials byName =
        resolver.resolve("staging", "acme-staging", "https://staging.example/legacy/");
    Credentials byUrl =
        resolver.resolve("internal", null, "https://nexus.example/repository/pypi-internal/");

    assertThat(byName.password().reveal()).isEqualTo("by-name");
    assertThat(byName.origin()).isEqualTo(pypirc + " [staging]");
    assertThat(byUrl.username()).isEqualTo("deploy");
    assertThat(byUrl.origin()).isEqualTo(pypirc + " [nexus]");
  }

  @Test
  void aPypircSectionForAnotherUrlIsNeverUsed() throws Exception {
    Path pypirc = pypirc("[pypi]\nrepository = https://mirror.example/legacy/\npassword = rc\n");

    assertThatThrownBy(() -> resolver(Map.of(), Map.of(), pypirc).resolve("pypi", null, PYPI))
        .hasMessageContaining("[pypi] is for https://mirror.example/legacy/, not this upload URL");
  }

  @Test
  void aMalformedPypircIsAnErrorAtItsLine() throws Exception {
    Path pypirc = pypirc("[pypi]\npassword: pypi-x\nthis line is wrong\n");

    assertThatThrownBy(() -> resolver(Map.of(), Map.of(), pypirc).resolve("pypi", null, PYPI))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.where()).isEqualTo(pypirc + ":3"));
  }

  @Test
  void withNothingAnywhereOneErrorListsEveryPlaceLookedAt() {
    assertThatThrownBy(
            () ->
                resolver(Map.of(), Map.of(), dir.resolve(".pypirc"))
                    .resolve("pypi-prod", "pypi", PYPI))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CREDENTIALS);
              assertThat(e.getMessage())
                  .contains("no credentials to upload to " + PYPI)
                  .contains("settings.xml <server> with id 'pypi'")
                  .contains(
                      "environment PYRELEASE_PYPI_TOKEN, PYRELEASE_PYPI_USERNAME/PYRELEASE_PYPI_PASSWORD")
                  .contains("environment PYRELEASE_PYPI_PROD_TOKEN")
                  .contains("TWINE_PASSWORD unset")
                  .contains(dir.resolve(".pypirc") + " (no such file)")
                  .contains("PyPI trusted publishing: not in a GitHub Actions job");
              assertThat(e.fix()).contains("<id>pypi</id>").contains("trusted publisher");
            });
    assertThat(console).isEmpty();
  }
}
