package io.github.pyrelease.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialLookupTest {

  private static final String WEBHOOK = "https://hooks.slack.com/services/T1/B2/lookupS3cr3t";

  @Test
  void aWebhookUrlInTheEnvironmentIsMaskedLikeTokensAndPasswords() {
    CredentialLookup lookup =
        new CredentialLookup(
            ServerCredentials.none(),
            Map.of(
                "PYRELEASE_NOTIFY_WEBHOOK", WEBHOOK,
                "PYRELEASE_PYPI_TOKEN", "pypi-tok-1",
                "PYRELEASE_NOTIFY_CHANNEL", "releases"));

    assertThat(lookup.maskAll("to " + WEBHOOK + " with pypi-tok-1 in #releases"))
        .isEqualTo("to ****** with ****** in #releases");
  }

  @Test
  void theBuildsOwnCredentialsLeaveTheEnvironmentAside() {
    Credentials settings = new Credentials("__token__", Secret.of(WEBHOOK), "settings.xml");
    CredentialLookup lookup =
        new CredentialLookup(
            new ServerCredentials(Map.of("notify", settings)),
            Map.of("PYRELEASE_CHAT_TOKEN", "from-the-environment"));

    assertThat(lookup.fromBuild("notify")).contains(settings);
    assertThat(lookup.fromBuild("chat")).isEmpty();
    assertThat(lookup.find("chat")).isPresent(); // find() reads the environment too
    assertThat(CredentialLookup.environmentPrefix("acme-chat")).isEqualTo("PYRELEASE_ACME_CHAT_");
  }
}
