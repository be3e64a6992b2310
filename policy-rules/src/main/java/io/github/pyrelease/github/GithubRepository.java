package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import java.util.regex.Pattern;

/**
 * A GitHub repository, {@code owner/name}.
 *
 * @param owner the user or organisation
 * @param name the repository's name, without {@code .git}
 */
public record GithubRepository(String owner, String name) {

  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public GithubRepository {
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw invalid(owner + "/" + name);
    }
    if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw invalid(owner + "/" + name);
    }
  }

  /**
   * Reads {@code owner/name}.
   *
   * @throws PyreleaseException when it is not of that form
   */
  public static GithubRepository parse(String text) {
    String value = text == null ? "" : text.strip();
    int slash = value.indexOf('/');
    if (slash < 0 || value.indexOf('/', slash + 1) >= 0) {
      throw invalid(value);
    }
    String owner = value.substring(0, slash);
    String name = value.substring(slash + 1);
    if (name.endsWith(".git") && name.length() > 4) {
      throw new PyreleaseException(
          "the GitHub repository '" + value + "' ends with .git",
          null,
          "write it without .git: " + owner + "/" + name.substring(0, name.length() - 4));
    }
    return new GithubRepository(owner, name);
  }

  private static PyreleaseException invalid(String value) {
    return new PyreleaseException(
        "'" + value + "' is not a GitHub repository of the form owner/name",
        null,
        "write the repository as on GitHub, such as acme/tool (letters, digits, '-', '_' and '.')");
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
