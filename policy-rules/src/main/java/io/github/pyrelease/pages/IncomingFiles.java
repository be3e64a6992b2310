package io.github.pyrelease.pages;

import io.github.pyrelease.PyreleaseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the release's files before any page is read or written. */
final class IncomingFiles {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

  private IncomingFiles() {}

  /**
   * The entries to list for {@code links}, one per file name.
   *
   * @param project the normalised project name
   * @throws PyreleaseException for a file that is not one of the project's distributions, cannot be
   *     linked, or is given twice with two digests
   */
  static Collection<FileEntry> check(String project, List<DistributionLink> links) {
    if (links.isEmpty()) {
      throw new PyreleaseException(
          "no file to list on the page of " + project,
          null,
          "build the distributions first: the index lists the release's wheels and sdists");
    }
    Map<String, FileEntry> entries = new LinkedHashMap<>();
    for (DistributionLink link : links) {
      FileEntry entry = entry(project, link);
      FileEntry twin = entries.putIfAbsent(entry.filename(), entry);
      if (twin != null && !twin.sha256().equals(entry.sha256())) {
        throw new PyreleaseException(
            entry.filename() + " is given twice, with two sha256s",
            entry.filename(),
            "pass each file of the release once");
      }
    }
    return entries.values();
  }

  private static FileEntry entry(String project, DistributionLink link) {
    String fileName = link.fileName();
    if (fileName.isBlank()
        || fileName.contains("/")
        || fileName.contains("\\")
        || fileName.chars().anyMatch(Character::isISOControl)) {
      throw new PyreleaseException(
          "'" + fileName + "' is not a file name",
          null,
          "give the distribution's file name, without folders");
    }
    try {
      DistributionFileName.version(project, fileName);
    } catch (IllegalArgumentException e) {
      throw new PyreleaseException(
          "cannot list " + fileName + " on the page of " + project + ": " + e.getMessage(),
          fileName,
          "list only the wheels (NAME-VERSION-TAGS.whl) and sdists (NAME-VERSION.tar.gz)"
              + " of project "
              + project);
    }
    if (!HEX64.matcher(link.sha256()).matches()) {
      throw new PyreleaseException(
          "the sha256 of " + fileName + " is not 64 hexadecimal digits: '" + link.sha256() + "'",
          fileName,
          "give the file's sha256 as hex (dist.FileDigests computes it)");
    }
    if (link.size() < 0) {
      throw new PyreleaseException(
          "the size of " + fileName + " is negative: " + link.size(), fileName, null);
    }
    String url = Urls.encode(link.url());
    String problem = Urls.problem(url, fileName);
    if (problem != null) {
      throw new PyreleaseException(
          "cannot link " + fileName + " to " + Urls.redacted(link.url()) + ": " + problem,
          fileName,
          "give the file's download URL, e.g."
              + " https://github.com/<owner>/<repository>/releases/download/<tag>/"
              + fileName);
    }
    String requiresPython = link.requiresPython() == null ? "" : link.requiresPython().strip();
    if (requiresPython.chars().anyMatch(Character::isISOControl)) {
      throw new PyreleaseException(
          "the Requires-Python of " + fileName + " holds control characters",
          fileName,
          "fix requires-python in pyproject.toml");
    }
    return new FileEntry(
        fileName,
        url,
        link.sha256().toLowerCase(Locale.ROOT),
        link.size(),
        requiresPython.isEmpty() ? null : requiresPython,
        link.uploadTime(),
        null);
  }
}
