package io.github.pyrelease.index;

import java.util.List;
import java.util.Objects;

/**
 * What a package index says about one version of a project.
 *
 * @param indexUrl the index asked, as configured
 * @param url the page that answered (the JSON API or the simple page of the project)
 * @param api which API answered: "JSON API", "simple API (PEP 691 JSON)" or "simple API (PEP 503
 *     HTML)"
 * @param projectFound whether the index has the project at all
 * @param published whether the version is on the index (a yanked version is)
 * @param yanked whether every file of the version is yanked
 * @param yankedReason the reason given for yanking, or {@code null}
 * @param files the version's file names
 */
public record IndexAnswer(
    String indexUrl,
    String url,
    String api,
    boolean projectFound,
    boolean published,
    boolean yanked,
    String yankedReason,
    List<String> files) {

  public IndexAnswer {
    Objects.requireNonNull(indexUrl, "indexUrl");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(api, "api");
    files = List.copyOf(files);
  }
}
