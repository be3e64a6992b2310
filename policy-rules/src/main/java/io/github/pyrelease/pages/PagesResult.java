package io.github.pyrelease.pages;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a write of the index did.
 *
 * @param outputDirectory the folder written (the root of the Pages site)
 * @param written the files written, relative to {@code outputDirectory}, in the order they were
 *     moved into place; empty when every page already said the same
 * @param indexPath the index to give pip, relative to the site's root: {@code simple/}
 * @param indexUrl the index's absolute URL, when the site's URL is known
 * @param project the project's normalised name
 * @param filesAdded files of this release the project page did not list before
 * @param filesAlreadyListed files of this release listed before with the same sha256
 * @param filesListed the files the project page lists now, earlier releases included
 * @param projectsListed the projects the index lists now
 * @param notes what the user should know (a page kept as it was, an older API version written)
 */
public record PagesResult(
    Path outputDirectory,
    List<Path> written,
    String indexPath,
    Optional<URI> indexUrl,
    String project,
    int filesAdded,
    int filesAlreadyListed,
    int filesListed,
    int projectsListed,
    List<String> notes) {

  public PagesResult {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    written = List.copyOf(written);
    Objects.requireNonNull(indexPath, "indexPath");
    Objects.requireNonNull(indexUrl, "indexUrl");
    Objects.requireNonNull(project, "project");
    notes = List.copyOf(notes);
  }

  /** The command that installs the project from the site. */
  public String pipCommand() {
    String index =
        indexUrl.map(URI::toString).orElse("https://<owner>.github.io/<repository>/" + indexPath);
    return "pip install --extra-index-url " + index + " " + project;
  }
}
