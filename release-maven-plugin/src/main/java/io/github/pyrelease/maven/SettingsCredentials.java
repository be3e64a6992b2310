package io.github.pyrelease.maven;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** A settings.xml {@code <server>}'s user name and password, decrypted by Maven. */
final class SettingsCredentials {

  private SettingsCredentials() {}

  /**
   * @throws PyreleaseException when the server is not in settings.xml or cannot be decrypted
   */
  static Optional<Credentials> forServer(
      Settings settings, SettingsDecrypter decrypter, String serverId, String property) {
    if (serverId == null || serverId.isBlank()) {
      return Optional.empty();
    }
    Server server = settings.getServer(serverId);
    if (server == null) {
      throw new PyreleaseException(
          "settings.xml has no <server> with id '" + serverId + "'",
          property,
          "add <server><id>"
              + serverId
              + "</id><username>...</username><password>...</password>"
              + "</server> to ~/.m2/settings.xml, or correct "
              + property);
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    if (!result.getProblems().isEmpty()) {
      throw new PyreleaseException(
          "cannot decrypt the password of settings.xml server '" + serverId + "'",
          property,
          "check ~/.m2/settings-security.xml (mvn --encrypt-password)");
    }
    Server decrypted = result.getServer();
    if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
      throw new PyreleaseException(
          "settings.xml server '" + serverId + "' has no username and password",
          property,
          "give it <username> and <password> (a token as password for GitHub)");
    }
    return Optional.of(
        new Credentials(
            decrypted.getUsername(),
            Secret.of(decrypted.getPassword()),
            "settings.xml server '" + serverId + "'"));
  }
}
