package io.github.pyrelease.scm;

import io.github.pyrelease.git.GitDescription;
import io.github.pyrelease.project.ScmSettings;
import io.github.pyrelease.text.PythonRegex;
import io.github.pyrelease.version.Version;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * setuptools_scm's version schemes, as its 7.1 release (Debian 12's) computes them from a {@link
 * GitDescription}: the version scheme gives the main version ({@code guess-next-dev} by default:
 * the tag's version on a clean tagged commit, else the tag's last number + 1 and {@code
 * .dev<distance>}), the local scheme its local label ({@code node-and-date} by default: {@code
 * +g<node>}, with {@code .d<YYYYMMDD>} of now, in UTC, when dirty).
 */
final class ScmVersionScheme {

  /** setuptools_scm's default {@code tag_regex}. */
  static final String DEFAULT_TAG_REGEX =
      "^(?:[\\w-]+-)?(?P<version>[vV]?\\d+(?:\\.\\d+){0,2}[^\\+]*)(?:\\+.*)?$";

  static final Map<String, Function<Scm, String>> VERSION_SCHEMES =
      Map.of(
          "guess-next-dev", ScmVersionScheme::guessNextDev,
          "no-guess-dev", ScmVersionScheme::noGuessDev,
          "post-release", ScmVersionScheme::postRelease,
          "python-simplified-semver", ScmVersionScheme::simplifiedSemver,
          "release-branch-semver", ScmVersionScheme::releaseBranchSemver);

  static final Map<String, Function<Scm, String>> LOCAL_SCHEMES =
      Map.of(
          "node-and-date", s -> withTime(s, "yyyyMMdd"),
          "node-and-timestamp", s -> withTime(s, "yyyyMMddHHmmss"),
          "dirty-tag", s -> s.dirty() ? "+dirty" : "",
          "no-local-version", s -> "");

  /**
   * A scheme cannot give a version for these facts; the message says why, as setuptools_scm would.
   */
  static final class SchemeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchemeException(String message) {
      super(message);
    }
  }

  /**
   * setuptools_scm's {@code ScmVersion}: the tag's version (normalised), the distance ({@code null}
   * when HEAD is the tagged commit and clean), the node, dirtiness, branch and the time.
   */
  record Scm(
      String tag,
      Integer distance,
      String node,
      boolean dirty,
      String branch,
      ZonedDateTime time,
      ScmSettings settings) {

    boolean exact() {
      return distance == null;
    }
  }

  private ScmVersionScheme() {}

  /** The version setuptools_scm computes from {@code description} under {@code settings}. */
  static String version(GitDescription description, ScmSettings settings, ZonedDateTime now) {
    Function<Scm, String> main = VERSION_SCHEMES.get(settings.versionScheme());
    Function<Scm, String> local = LOCAL_SCHEMES.get(settings.localScheme());
    String tag;
    Integer distance;
    if (description.tag() != null) {
      tag = tagVersion(description.tag(), settings);
      distance =
          description.distance() == 0 && !description.dirty() ? null : description.distance();
    } else {
      // without a tag setuptools_scm starts from 0.0, which tag_regex must match too
      tag = tagVersion("0.0", settings);
      distance = description.distance();
    }
    Scm scm =
        new Scm(
            tag,
            distance,
            description.node(),
            description.dirty(),
            description.branch(),
            now.withZoneSameInstant(ZoneOffset.UTC),
            settings);
    return main.apply(scm) + local.apply(scm);
  }

  /** The normalised version {@code tag_regex} finds in {@code tag}. */
  static String tagVersion(String tag, ScmSettings settings) {
    String found = versionIn(tag, settings);
    if (found == null || found.isEmpty()) {
      throw new SchemeException(
          (tag.equals("0.0")
                  ? "HEAD has no tag, and tag_regex "
                      + regexText(settings)
                      + " does not match the '0.0' setuptools_scm then starts from"
                  : "the tag '"
                      + tag
                      + "', the nearest to HEAD, holds no version that tag_regex "
                      + regexText(settings)
                      + " finds")
              + " (setuptools_scm fails on it too)");
    }
    return Version.tryParse(found)
        .map(Version::toString)
        .orElseThrow(
            () ->
                new SchemeException(
                    "the tag '"
                        + tag
                        + "', the nearest to HEAD, names '"
                        + found
                        + "', which is not a PEP 440 version (setuptools_scm fails on it too)"));
  }

  private static String regexText(ScmSettings settings) {
    return settings.tagRegex() == null ? "(the default)" : "'" + settings.tagRegex() + "'";
  }

  /** What tag_regex's version group (or its only group) matches at the start of {@code text}. */
  static String versionIn(String text, ScmSettings settings) {
    PythonRegex regex = compile(settings);
    Matcher matcher = regex.matcher(text);
    if (!matcher.lookingAt()) {
      return null;
    }
    return matcher.groupCount() == 1
        ? matcher.group(1)
        : regex.hasGroup("version") ? matcher.group(regex.group("version")) : null;
  }

  static PythonRegex compile(ScmSettings settings) {
    String source = settings.tagRegex() == null ? DEFAULT_TAG_REGEX : settings.tagRegex();
    try {
      return PythonRegex.compile(source, false);
    } catch (PatternSyntaxException e) {
      throw new SchemeException(
          "tag_regex '" + source + "' is not a regular expression: " + e.getDescription());
    }
  }

  private static String guessNextDev(Scm scm) {
    return scm.exact() ? scm.tag() : guessNext(scm) + ".dev" + scm.distance();
  }

  private static String noGuessDev(Scm scm) {
    if (scm.exact()) {
      return scm.tag();
    }
    String version = stripLocal(scm.tag());
    String next = bumpDev(version);
    if (next == null) {
      if (version.contains("post")) {
        throw new SchemeException(
            version + " already is a post release, refusing to guess the update (no-guess-dev)");
      }
      next = version + ".post1";
    }
    return next + ".dev" + scm.distance();
  }

  private static String postRelease(Scm scm) {
    return scm.exact() ? scm.tag() : scm.tag() + ".post" + scm.distance();
  }

  private static String simplifiedSemver(Scm scm) {
    if (scm.exact()) {
      return simpleSemver(scm, 3, false);
    }
    int retain = scm.branch() != null && scm.branch().contains("feature") ? 2 : 3;
    return simpleSemver(scm, retain, true) + ".dev" + scm.distance();
  }

  private static String releaseBranchSemver(Scm scm) {
    if (scm.exact()) {
      return scm.tag();
    }
    if (scm.branch() != null) {
      String[] parts = scm.branch().split("/", -1);
      String branchVersion = versionIn(parts[parts.length - 1], scm.settings());
      if (branchVersion != null) {
        if (!branchVersion.isEmpty() && branchVersion.charAt(0) == 'v') {
          branchVersion = branchVersion.substring(1);
        }
        if (firstTwo(scm.tag()).equals(firstTwo(branchVersion))) {
          return guessNext(scm) + ".dev" + scm.distance();
        }
      }
    }
    return simpleSemver(scm, 2, true) + ".dev" + scm.distance();
  }

  private static List<String> firstTwo(String version) {
    List<String> parts = List.of(version.split("\\.", -1));
    return parts.subList(0, Math.min(2, parts.size()));
  }

  private static String simpleSemver(Scm scm, int retain, boolean increment) {
    String[] fields = scm.tag().split("\\.", -1);
    List<Long> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(retain, fields.length); i++) {
      if (!fields[i].matches("[0-9]+")) {
        throw new SchemeException(
            "the tag's version "
                + scm.tag()
                + " is not numeric, as python-simplified-semver needs");
      }
      parts.add(Long.parseLong(fields[i]));
    }
    while (parts.size() < retain) {
      parts.add(0L);
    }
    if (increment) {
      parts.set(parts.size() - 1, parts.get(parts.size() - 1) + 1);
    }
    while (parts.size() < 3) {
      parts.add(0L);
    }
    return String.join(".", parts.stream().map(String::valueOf).toList());
  }

  /** setuptools_scm's guess_next_version: drop a {@code .dev0}, else add 1 to the last number. */
  private static String guessNext(Scm scm) {
    String version = stripLocal(scm.tag());
    String dev = bumpDev(version);
    if (dev != null) {
      return dev;
    }
    Matcher last = Pattern.compile("^(.*?)(\\d+)$").matcher(version);
    if (!last.matches()) {
      throw new SchemeException(
          version + " does not end with a number to bump (" + scm.settings().versionScheme() + ")");
    }
    return last.group(1) + new java.math.BigInteger(last.group(2)).add(java.math.BigInteger.ONE);
  }

  private static String bumpDev(String version) {
    int dev = version.lastIndexOf(".dev");
    if (dev < 0) {
      return null;
    }
    if (!version.substring(dev + 4).equals("0")) {
      throw new SchemeException(
          "the tag's version "
              + version
              + " has a dev number other than 0, which setuptools_scm cannot bump; tag .dev0"
              + " instead");
    }
    return version.substring(0, dev);
  }

  private static String stripLocal(String version) {
    int plus = version.indexOf('+');
    return plus < 0 ? version : version.substring(0, plus);
  }

  private static String withTime(Scm scm, String pattern) {
    String time = DateTimeFormatter.ofPattern(pattern).format(scm.time());
    if (scm.exact() || scm.node() == null) {
      return scm.dirty() ? "+d" + time : "";
    }
    return scm.dirty() ? "+" + scm.node() + ".d" + time : "+" + scm.node();
  }
}
