package io.github.pyrelease.pages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The pages a write would change, computed without writing, and what to say about them. */
final class IndexPlan {

  static final String NOJEKYLL = ".nojekyll";
  static final String LANDING = "index.html";

  /** A page whose new content differs from what the folder holds. */
  record Target(String relative, Path path, byte[] content, byte[] previous) {
    StagedFiles.Change change() {
      return new StagedFiles.Change(path, content, previous);
    }
  }

  private final SiteFolder folder;
  private final String name;
  private final ProjectPage page;
  private final ProjectList list;
  private final List<String> added;
  private final List<String> alreadyListed;
  private final URI indexUrl;
  private final List<Target> changes = new ArrayList<>();
  private final List<String> unchanged = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Compares every page of the merged index with the folder's.
   *
   * @param page the project's page, this release's files added
   * @param list the project list, this project included
   * @param added the files the page did not list before
   * @param alreadyListed the files it listed before, with the same digest
   * @param indexUrl the absolute URL of {@code simple/}, or {@code null}
   */
  IndexPlan(
      SiteFolder folder,
      ProjectPage page,
      ProjectList list,
      List<String> added,
      List<String> alreadyListed,
      URI indexUrl) {
    this.folder = folder;
    this.name = page.name();
    this.page = page;
    this.list = list;
    this.added = List.copyOf(added);
    this.alreadyListed = List.copyOf(alreadyListed);
    this.indexUrl = indexUrl;
    // Project pages first, then the list naming them, then the site's own files.
    consider("simple/" + name + "/index.json", page.json());
    consider("simple/" + name + "/index.html", page.html());
    consider("simple/index.json", list.json());
    consider("simple/index.html", list.html());
    if (folder.existing(NOJEKYLL) == null) {
      consider(NOJEKYLL, "");
    } else {
      unchanged.add(NOJEKYLL);
    }
    byte[] landing = folder.existing(LANDING);
    if (landing == null || LandingPage.isOurs(new String(landing, StandardCharsets.UTF_8))) {
      consider(LANDING, LandingPage.html(list.names(), indexUrl));
    } else {
      notes.add(
          "index.html was left as it is: pyrelease did not write it (the site's home page); link"
              + " simple/ from it if you like");
    }
    if (!page.apiVersion().equals(ProjectPage.API_VERSION)) {
      notes.add(
          "simple/"
              + name
              + "/ declares simple API version "
              + page.apiVersion()
              + ": files listed earlier by an HTML-only page have no known size, which version "
              + ProjectPage.API_VERSION
              + " requires");
    }
  }

  private void consider(String relative, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    byte[] previous = folder.existing(relative);
    if (previous != null && Arrays.equals(previous, content)) {
      unchanged.add(relative);
    } else {
      changes.add(new Target(relative, folder.root().resolve(relative), content, previous));
    }
  }

  List<Target> changes() {
    return List.copyOf(changes);
  }

  List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("pages-index: " + name + " in " + folder.root() + " (dry run: nothing is written)");
    for (Target target : changes) {
      String verb = target.previous() == null ? "would create " : "would update ";
      lines.add("  " + verb + target.relative() + summary(target.relative()));
    }
    unchanged.forEach(relative -> lines.add("  unchanged: " + relative));
    lines.add("  files of " + name + ":");
    for (FileEntry f : page.files()) {
      if (added.contains(f.filename())) {
        lines.add("    + " + f.filename() + " (new)");
      } else if (alreadyListed.contains(f.filename())) {
        lines.add("    = " + f.filename() + " (already listed, same sha256)");
      } else {
        lines.add("      " + f.filename() + " (listed earlier)");
      }
    }
    notes.forEach(note -> lines.add("  note: " + note));
    lines.add("  install: " + result(List.of()).pipCommand());
    return lines;
  }

  private String summary(String relative) {
    if (relative.startsWith("simple/" + name + "/")) {
      return ": "
          + page.files().size()
          + " files of "
          + name
          + ", versions "
          + String.join(", ", page.versions())
          + " (simple API "
          + page.apiVersion()
          + ")";
    }
    if (relative.startsWith("simple/")) {
      return ": projects " + String.join(", ", list.names());
    }
    if (relative.equals(NOJEKYLL)) {
      return " (GitHub Pages then serves the files as they are, without Jekyll)";
    }
    return " (the site's home page: what it is and how to pip install from it)";
  }

  /** The result once {@code written} (relative paths) are in place. */
  PagesResult result(List<String> written) {
    return new PagesResult(
        folder.root(),
        written.stream().map(Path::of).toList(),
        StaticSimpleIndex.INDEX_PATH,
        Optional.ofNullable(indexUrl),
        name,
        added.size(),
        alreadyListed.size(),
        page.files().size(),
        list.names().size(),
        notes);
  }
}
