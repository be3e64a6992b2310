package io.github.pyrelease.pages;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.index.ProjectNames;
import io.github.pyrelease.io.FolderLock;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A static simple repository (PEP 503 HTML and PEP 691 JSON, API version 1.1) in a folder that
 * GitHub Pages serves as it is: {@code simple/index.html|json} lists the projects, {@code
 * simple/<project>/index.html|json} the files, each linked with its sha256 to where it is
 * published. Writing merges with the pages already there (the folder is usually a checkout of the
 * Pages branch): earlier projects and releases stay, a file listed again with the same sha256
 * changes nothing, and one with another sha256 is refused, since a published file never changes.
 * All pages are replaced together or not at all.
 */
public final class StaticSimpleIndex {

  /** The index's folder under the site's root; the path to give pip, relative to the root. */
  public static final String INDEX_PATH = "simple/";

  private final Path root;
  private final URI siteUrl;
  private final StagedFiles staged;

  /** An index in {@code outputDirectory} whose site address is not known. */
  public StaticSimpleIndex(Path outputDirectory) {
    this(outputDirectory, null);
  }

  /**
   * An index in {@code outputDirectory}, served at {@code siteUrl} (e.g. {@link
   * GitHubPages#siteUrl}), which the landing page and the result then name.
   */
  public StaticSimpleIndex(Path outputDirectory, URI siteUrl) {
    this(outputDirectory, siteUrl, StagedFiles.ATOMIC_MOVE);
  }

  StaticSimpleIndex(Path outputDirectory, URI siteUrl, StagedFiles.Mover mover) {
    this.root = Objects.requireNonNull(outputDirectory, "outputDirectory");
    this.siteUrl = siteUrl == null ? null : directoryUrl(siteUrl);
    this.staged = new StagedFiles(mover);
  }

  /**
   * What {@link #write} would change, one line each, writing nothing.
   *
   * @throws PyreleaseException for the same bad input or existing pages as {@link #write}
   */
  public List<String> dryRun(String project, List<DistributionLink> files) {
    return plan(project, files).describe();
  }

  /**
   * Lists {@code files} on the page of {@code project}, merged with what the folder holds.
   *
   * @throws PyreleaseException when the project name is not a valid name, a file is not one of the
   *     project's distributions or cannot be linked, a file listed earlier has another sha256, an
   *     existing page cannot be read, or the pages cannot be written (then nothing changed)
   */
  public PagesResult write(String project, List<DistributionLink> files) {
    // Read, merge and replace under the folder's lock: modules of a parallel reactor share a site.
    try (FolderLock lock = FolderLock.acquire(SiteFolder.requireFolder(root))) {
      IndexPlan plan = plan(project, files);
      List<IndexPlan.Target> changes = plan.changes();
      staged.commit(changes.stream().map(IndexPlan.Target::change).toList());
      return plan.result(changes.stream().map(IndexPlan.Target::relative).toList());
    }
  }

  private IndexPlan plan(String project, List<DistributionLink> links) {
    if (project == null || !ProjectNames.isValid(project)) {
      throw new PyreleaseException(
          "'" + project + "' is not a valid project name",
          null,
          "a name (PEP 508) is ASCII letters, digits, '.', '_' and '-', starting and ending with a"
              + " letter or digit: use the name of [project] in pyproject.toml");
    }
    String name = ProjectNames.normalize(project);
    List<FileEntry> incoming = List.copyOf(IncomingFiles.check(name, links));
    SiteFolder folder = new SiteFolder(root);
    ProjectPage page = folder.projectPage(name);
    List<String> added = new ArrayList<>();
    List<String> alreadyListed = new ArrayList<>();
    for (FileEntry entry : incoming) {
      FileEntry earlier = page.file(entry.filename()).orElse(null);
      if (earlier == null) {
        added.add(entry.filename());
      } else if (entry.sha256().equals(earlier.sha256())) {
        alreadyListed.add(entry.filename());
      } else {
        throw published(entry, earlier, folder.projectPageSource(name));
      }
    }
    incoming.stream().filter(e -> added.contains(e.filename())).forEach(page::add);
    ProjectList list = folder.projectList();
    list.add(name);
    return new IndexPlan(folder, page, list, added, alreadyListed, indexUrl());
  }

  /** A file of this release is listed already, with another digest or none to compare. */
  private static PyreleaseException published(FileEntry entry, FileEntry earlier, Path page) {
    if (earlier.sha256() == null) {
      return new PyreleaseException(
          entry.filename()
              + " is already listed in "
              + page
              + ", without a sha256, so pyrelease cannot tell whether it is the same file",
          page.toString(),
          "a published file never changes: if it is the same file, add #sha256="
              + entry.sha256()
              + " to its link; otherwise release a new version");
    }
    return new PyreleaseException(
        entry.filename()
            + " is already published with sha256 "
            + earlier.sha256()
            + " ("
            + page
            + "), and this release's file has sha256 "
            + entry.sha256(),
        page.toString(),
        "a published file never changes (pip's caches and lock files hold its digest): release a"
            + " new version; only if nobody can have installed the old file, remove its entry"
            + " from both index.json and index.html of the project");
  }

  private URI indexUrl() {
    return siteUrl == null ? null : siteUrl.resolve(INDEX_PATH);
  }

  private static URI directoryUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new PyreleaseException(
          "the site URL " + url + " is not an absolute http(s) URL",
          null,
          "give the address GitHub Pages serves the site at, e.g."
              + " https://<owner>.github.io/<repository>/");
    }
    String text = url.toString();
    return text.endsWith("/") ? url : URI.create(text + "/");
  }
}
