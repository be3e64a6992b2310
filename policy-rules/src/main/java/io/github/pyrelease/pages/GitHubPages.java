package io.github.pyrelease.pages;

import io.github.pyrelease.PyreleaseException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where GitHub Pages serves a repository's site (without a custom domain). */
public final class GitHubPages {

  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]+");

  private GitHubPages() {}

  /**
   * {@code https://<owner>.github.io/<repository>/}, or {@code https://<owner>.github.io/} for the
   * user or organisation site (the repository named {@code <owner>.github.io}).
   *
   * @throws PyreleaseException when the owner or repository is not a GitHub name
   */
  public static URI siteUrl(String owner, String repository) {
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw new PyreleaseException(
          "'" + owner + "' is not a GitHub user or organisation name",
          null,
          "give the owner as in https://github.com/<owner>/<repository>");
    }
    if (repository == null
        || !REPOSITORY.matcher(repository).matches()
        || repository.equals(".")
        || repository.equals("..")) {
      throw new PyreleaseException(
          "'" + repository + "' is not a GitHub repository name",
          null,
          "give the repository as in https://github.com/<owner>/<repository>");
    }
    String host = owner.toLowerCase(Locale.ROOT) + ".github.io";
    if (repository.equalsIgnoreCase(host)) {
      return URI.create("https://" + host + "/");
    }
    return URI.create("https://" + host + "/" + repository + "/");
  }
}
