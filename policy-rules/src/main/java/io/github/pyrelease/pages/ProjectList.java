package io.github.pyrelease.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.index.ProjectNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The root page of the simple repository: one link per project (normalised names). */
final class ProjectList {

  private final Set<String> names = new TreeSet<>();

  void add(String name) {
    names.add(ProjectNames.normalize(name));
  }

  List<String> names() {
    return List.copyOf(names);
  }

  String html() {
    StringBuilder out = new StringBuilder(256);
    out.append("<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\">\n")
        .append("    <meta name=\"pypi:repository-version\" content=\"")
        .append(ProjectPage.API_VERSION)
        .append("\">\n    <title>Simple index</title>\n  </head>\n  <body>\n");
    for (String name : names) {
      String escaped = Html.escape(name);
      out.append("    <a href=\"")
          .append(escaped)
          .append("/\">")
          .append(escaped)
          .append("</a><br>\n");
    }
    return out.append("  </body>\n</html>\n").toString();
  }

  String json() {
    ObjectNode page = PagesJson.object();
    page.putObject("meta").put("api-version", ProjectPage.API_VERSION);
    ArrayNode projects = page.putArray("projects");
    names.forEach(name -> projects.addObject().put("name", name));
    return PagesJson.write(page);
  }

  /** Adds the projects of the JSON project list written earlier. */
  void addFromJson(Path file, String text) {
    JsonNode projects = PagesJson.read(file, text).get("projects");
    if (projects == null || !projects.isArray()) {
      throw PagesJson.corrupt(file, file.toString(), "has no 'projects' list");
    }
    for (int i = 0; i < projects.size(); i++) {
      JsonNode name = projects.get(i).path("name");
      if (!name.isTextual() || !ProjectNames.isValid(name.asText())) {
        throw PagesJson.corrupt(
            file, file + " at projects[" + i + "]", "lists a project without a valid 'name'");
      }
      add(name.asText());
    }
  }

  /** Adds the projects of the HTML project list written earlier: the anchors' texts. */
  void addFromHtml(String text) {
    for (Html.Anchor anchor : Html.anchors(text)) {
      if (ProjectNames.isValid(anchor.text())) {
        add(anchor.text());
      }
    }
  }
}
