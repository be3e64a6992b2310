package io.github.pyrelease.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

  private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcCJGFiY2Rl";

  @Test
  void neverShowsItsValueByAccident() {
    Credentials credentials =
        new Credentials("__token__", Secret.of(TOKEN), "settings.xml server 'pypi'");

    assertThat(credentials.toString()).doesNotContain(TOKEN).contains("******");
    assertThat(new ServerCredentials(Map.of("pypi", credentials)).toString())
        .doesNotContain(TOKEN)
        .isEqualTo("ServerCredentials[pypi]");
    assertThat("failed with " + credentials.password()).isEqualTo("failed with ******");
  }

  @Test
  void masksItselfInServerMessages() {
    Secret secret = Secret.of(TOKEN);
    ServerCredentials all =
        new ServerCredentials(Map.of("pypi", new Credentials("u", secret, "env")));

    assertThat(secret.maskIn("403 Invalid token " + TOKEN + " for " + TOKEN))
        .isEqualTo("403 Invalid token ****** for ******");
    assertThat(all.maskAll("echo " + TOKEN)).isEqualTo("echo ******");
    assertThat(secret.reveal()).isEqualTo(TOKEN);
  }
}
