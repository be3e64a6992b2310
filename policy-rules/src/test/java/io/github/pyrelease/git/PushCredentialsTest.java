package io.github.pyrelease.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class PushCredentialsTest {

  private static final Optional<Credentials> TOKEN =
      Optional.of(new Credentials("bot", Secret.of("s3cr3t-token"), "settings.xml server 'git'"));

  @Test
  void httpsRemoteGetsUserAndPassword() throws Exception {
    URIish uri = new URIish("https://github.com/acme/tool.git");
    CredentialsProvider provider = PushCredentials.forRemote(uri, TOKEN).orElseThrow();
    CredentialItem.Username user = new CredentialItem.Username();
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(provider.get(uri, user, password)).isTrue();
    assertThat(user.getValue()).isEqualTo("bot");
    assertThat(new String(password.getValue())).isEqualTo("s3cr3t-token");
    assertThat(provider.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void localAndSshRemotesGetNone() throws Exception {
    assertThat(PushCredentials.forRemote(new URIish("/srv/git/origin.git"), TOKEN)).isEmpty();
    assertThat(PushCredentials.forRemote(new URIish("file:///srv/git/origin.git"), TOKEN))
        .isEmpty();
    assertThat(PushCredentials.forRemote(new URIish("git@github.com:acme/tool.git"), TOKEN))
        .isEmpty();
    assertThat(
            PushCredentials.forRemote(new URIish("https://github.com/a/b.git"), Optional.empty()))
        .isEmpty();
  }

  @Test
  void environmentCredentialsNeverShowTheSecret() {
    Credentials explicit =
        PushCredentials.fromEnvironment(
                Map.of(
                    "PYRELEASE_GIT_USERNAME",
                    "me",
                    "PYRELEASE_GIT_PASSWORD",
                    "pw-123",
                    "GITHUB_TOKEN",
                    "gh"))
            .orElseThrow();
    assertThat(explicit.username()).isEqualTo("me");
    assertThat(explicit.password().reveal()).isEqualTo("pw-123");
    assertThat(explicit.toString()).doesNotContain("pw-123");

    Credentials github =
        PushCredentials.fromEnvironment(Map.of("GITHUB_TOKEN", "ghs_abc")).orElseThrow();
    assertThat(github.username()).isEqualTo("x-access-token");
    assertThat(github.origin()).isEqualTo("environment GITHUB_TOKEN");
    assertThat(github.toString()).doesNotContain("ghs_abc");

    assertThat(PushCredentials.fromEnvironment(Map.of("PYRELEASE_GIT_USERNAME", "me"))).isEmpty();
  }
}
