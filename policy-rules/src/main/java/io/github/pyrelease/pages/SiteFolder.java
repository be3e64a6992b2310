package io.github.pyrelease.pages;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.index.ProjectNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what the site's folder holds already (usually a checkout of the Pages branch). */
final class SiteFolder {

  private final Path root;

  SiteFolder(Path root) {
    this.root = requireFolder(root);
  }

  /** {@code root}, unless it is a file where the site's folder should be. */
  static Path requireFolder(Path root) {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new PyreleaseException(
          "the output folder " + root + " is a file",
          root.toString(),
          "give the folder of the Pages site (a checkout of the gh-pages branch, or a new folder)");
    }
    return root;
  }

  Path root() {
    return root;
  }

  /** The project's page as written earlier: from its JSON, else from its HTML, else empty. */
  ProjectPage projectPage(String name) {
    Path dir = root.resolve("simple").resolve(name);
    Path json = dir.resolve("index.json");
    Path html = dir.resolve("index.html");
    if (Files.isRegularFile(json)) {
      return ProjectPage.fromJson(name, json, text(json));
    }
    if (Files.isRegularFile(html)) {
      return ProjectPage.fromHtml(name, html, text(html));
    }
    return new ProjectPage(name);
  }

  /** Where {@link #projectPage} read the page from, for messages. */
  Path projectPageSource(String name) {
    Path json = root.resolve("simple").resolve(name).resolve("index.json");
    return Files.isRegularFile(json) ? json : json.resolveSibling("index.html");
  }

  /** The projects listed now: by the JSON list, else the HTML one, and every project folder. */
  ProjectList projectList() {
    Path simple = root.resolve("simple");
    ProjectList list = new ProjectList();
    Path json = simple.resolve("index.json");
    Path html = simple.resolve("index.html");
    if (Files.isRegularFile(json)) {
      list.addFromJson(json, text(json));
    } else if (Files.isRegularFile(html)) {
      list.addFromHtml(text(html));
    }
    if (!Files.isDirectory(simple)) {
      return list;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(simple, Files::isDirectory)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        boolean isPage =
            Files.isRegularFile(dir.resolve("index.html"))
                || Files.isRegularFile(dir.resolve("index.json"));
        if (isPage && ProjectNames.isValid(name) && ProjectNames.normalize(name).equals(name)) {
          list.add(name);
        }
      }
    } catch (IOException e) {
      throw cannotRead(simple, e);
    }
    return list;
  }

  /** The bytes of the file at {@code relative}, or {@code null} when there is none. */
  byte[] existing(String relative) {
    Path file = root.resolve(relative);
    if (!Files.exists(file)) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw new PyreleaseException(
          file + " is in the way: it is not a file",
          file.toString(),
          "remove or rename it; pyrelease writes a page there");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  private static String text(Path file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw PagesJson.corrupt(file, file.toString(), "is not UTF-8 text");
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  private static PyreleaseException cannotRead(Path file, IOException e) {
    return new PyreleaseException(
        "cannot read " + file + ": " + e.getMessage(),
        file.toString(),
        "check that the folder is readable");
  }
}
