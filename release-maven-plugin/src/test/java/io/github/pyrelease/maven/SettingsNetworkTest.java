package io.github.pyrelease.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.ProxySettings;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;

class SettingsNetworkTest {

  private static final String TOKEN = "pypi-SETTINGS-TOKEN-42";

  @Test
  void serversWithALoginBecomeCredentialsThatNeverPrintTheirSecret() {
    Server pypi = new Server();
    pypi.setId("acme-pypi");
    pypi.setUsername("__token__");
    pypi.setPassword(TOKEN);
    Server ssh = new Server();
    ssh.setId("git-ssh");
    ssh.setPrivateKey("/home/ci/.ssh/id_ed25519");

    ServerCredentials credentials = SettingsNetwork.credentials(List.of(pypi, ssh));

    assertThat(credentials.forServer("acme-pypi"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.username()).isEqualTo("__token__");
              assertThat(c.password().reveal()).isEqualTo(TOKEN);
              assertThat(c.origin()).isEqualTo("settings.xml server 'acme-pypi'");
              assertThat(c.toString()).doesNotContain(TOKEN);
            });
    assertThat(credentials.forServer("git-ssh")).isEmpty();
    assertThat(credentials.maskAll("token " + TOKEN + " leaked")).isEqualTo("token ****** leaked");
  }

  @Test
  void aServerWithAPasswordAloneHoldsATokenOrAWebhookUrlAndIsMaskedToo() {
    String webhook = "https://hooks.slack.com/services/T1/B2/settingsS3cr3t";
    Server notify = new Server();
    notify.setId("notify");
    notify.setPassword(webhook);
    Server nothing = new Server();
    nothing.setId("empty");
    nothing.setUsername("ci");

    ServerCredentials credentials = SettingsNetwork.credentials(List.of(notify, nothing));

    assertThat(credentials.forServer("notify"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.username()).isEqualTo("__token__");
              assertThat(c.password().reveal()).isEqualTo(webhook);
              assertThat(c.origin()).isEqualTo("settings.xml server 'notify'");
            });
    assertThat(credentials.forServer("empty")).isEmpty();
    assertThat(credentials.maskAll("posting to " + webhook)).isEqualTo("posting to ******");
  }

  @Test
  void activeProxiesKeepTheirNonProxyHosts() {
    Proxy corporate = new Proxy();
    corporate.setId("corp");
    corporate.setProtocol("http");
    corporate.setHost("proxy.acme.internal");
    corporate.setPort(3128);
    corporate.setUsername("ci");
    corporate.setPassword("secret");
    corporate.setNonProxyHosts("*.acme.internal|localhost");
    Proxy off = new Proxy();
    off.setActive(false);
    off.setHost("old-proxy");

    List<ProxySettings> proxies = SettingsNetwork.proxies(List.of(corporate, off));

    assertThat(proxies).hasSize(1);
    assertThat(proxies.get(0).host()).isEqualTo("proxy.acme.internal");
    assertThat(proxies.get(0).port()).isEqualTo(3128);
    assertThat(proxies.get(0).nonProxyHosts()).containsExactly("*.acme.internal", "localhost");
    assertThat(proxies.get(0).credentials().username()).isEqualTo("ci");
    assertThat(proxies.get(0).toString()).doesNotContain("secret");
  }
}
