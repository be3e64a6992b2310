package io.github.pyrelease.credentials;

import java.util.Objects;

/**
 * A user name and secret for a server, and where they came from (for messages, never the value).
 *
 * @param username the user name ({@code __token__} for PyPI API tokens)
 * @param password the password or token
 * @param origin where they were found, such as {@code settings.xml server 'pypi'} or {@code
 *     environment PYRELEASE_PYPI_TOKEN}
 */
public record Credentials(String username, Secret password, String origin) {

  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(origin, "origin");
  }
}
