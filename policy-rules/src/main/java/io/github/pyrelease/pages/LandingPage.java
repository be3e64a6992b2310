package io.github.pyrelease.pages;

import java.net.URI;
import java.util.List;

/**
 * The site's own {@code index.html}: what the site is and how to install from it. Written only
 * where there is none or pyrelease wrote it, so a Pages branch that also serves documentation keeps
 * its home page.
 */
final class LandingPage {

  static final String MARKER = "<meta name=\"generator\" content=\"pyrelease\">";

  private LandingPage() {}

  static boolean isOurs(String existing) {
    return existing.contains(MARKER);
  }

  /**
   * @param projects the normalised names the index lists
   * @param indexUrl the absolute URL of {@code simple/}, or {@code null} when the site's address is
   *     not known
   */
  static String html(List<String> projects, URI indexUrl) {
    String index =
        indexUrl == null ? "https://<owner>.github.io/<repository>/simple/" : indexUrl.toString();
    StringBuilder out = new StringBuilder(1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n")
        .append("    ")
        .append(MARKER)
        .append("\n    <title>Python package index</title>\n  </head>\n  <body>\n")
        .append("    <h1>Python package index</h1>\n")
        .append(
            "    <p>This site is a static <a href=\"simple/\">simple repository</a> (PEP 503 and")
        .append(" PEP 691) written by pyrelease. Its pages link each release's files where they")
        .append(" are published (GitHub Release assets); pip checks every download against the")
        .append(" sha256 the page gives.</p>\n")
        .append("    <p>Install a project with:</p>\n");
    for (String project : projects) {
      out.append("    <pre>pip install --extra-index-url ")
          .append(Html.escape(index))
          .append(' ')
          .append(Html.escape(project))
          .append("</pre>\n");
    }
    out.append("    <h2>Projects</h2>\n    <ul>\n");
    for (String project : projects) {
      String name = Html.escape(project);
      out.append("      <li><a href=\"simple/")
          .append(name)
          .append("/\">")
          .append(name)
          .append("</a></li>\n");
    }
    return out.append("    </ul>\n  </body>\n</html>\n").toString();
  }
}
