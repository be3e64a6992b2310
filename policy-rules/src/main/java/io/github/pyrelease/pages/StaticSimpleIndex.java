package io.github.pyrelease.pages;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.index.ProjectNames;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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

  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final String NOJEKYLL = ".nojekyll";
  private static final String LANDING = "index.html";

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
    Plan plan = plan(project, files);
    staged.commit(plan.changes.stream().map(Plan.Target::change).toList());
    return plan.result(plan.changes.stream().map(t -> t.relative).toList());
  }

  private Plan plan(String project, List<DistributionLink> links) {
    if (project == null || !ProjectNames.isValid(project)) {
      throw new PyreleaseException(
          "'" + project + "' is not a valid project name",
          null,
          "a name (PEP 508) is ASCII letters, digits, '.', '_' and '-', starting and ending with a"
              + " letter or digit: use the name of [project] in pyproject.toml");
    }
    String name = ProjectNames.normalize(project);
    if (links.isEmpty()) {
      throw new PyreleaseException(
          "no file to list on the page of " + name,
          null,
          "build the distributions first: the index lists the release's wheels and sdists");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new PyreleaseException(
          "the output folder " + root + " is a file",
          root.toString(),
          "give the folder of the Pages site (a checkout of the gh-pages branch, or a new folder)");
    }
    Map<String, FileEntry> incoming = new LinkedHashMap<>();
    for (DistributionLink link : links) {
      FileEntry entry = entry(name, link);
      FileEntry twin = incoming.putIfAbsent(entry.filename(), entry);
      if (twin != null && !twin.sha256().equals(entry.sha256())) {
        throw new PyreleaseException(
            entry.filename() + " is given twice, with two sha256s",
            entry.filename(),
            "pass each file of the release once");
      }
    }

    Path projectDir = root.resolve("simple").resolve(name);
    Path pageJson = projectDir.resolve("index.json");
    Path pageHtml = projectDir.resolve("index.html");
    ProjectPage page;
    Path pageSource;
    if (Files.isRegularFile(pageJson)) {
      page = ProjectPage.fromJson(name, pageJson, read(pageJson));
      pageSource = pageJson;
    } else if (Files.isRegularFile(pageHtml)) {
      page = ProjectPage.fromHtml(name, pageHtml, read(pageHtml));
      pageSource = pageHtml;
    } else {
      page = new ProjectPage(name);
      pageSource = null;
    }
    List<String> added = new ArrayList<>();
    List<String> alreadyListed = new ArrayList<>();
    for (FileEntry entry : incoming.values()) {
      FileEntry earlier = page.file(entry.filename()).orElse(null);
      if (earlier == null) {
        added.add(entry.filename());
      } else if (earlier.sha256() == null) {
        throw new PyreleaseException(
            entry.filename()
                + " is already listed in "
                + pageSource
                + ", without a sha256, so"
                + " pyrelease cannot tell whether it is the same file",
            pageSource.toString(),
            "a published file never changes: if it is the same file, add #sha256="
                + entry.sha256()
                + " to its link; otherwise release a new version");
      } else if (!earlier.sha256().equals(entry.sha256())) {
        throw new PyreleaseException(
            entry.filename()
                + " is already published with sha256 "
                + earlier.sha256()
                + " ("
                + pageSource
                + "), and this release's file has sha256 "
                + entry.sha256(),
            pageSource.toString(),
            "a published file never changes (pip's caches and lock files hold its digest):"
                + " release a new version; only if nobody can have installed the old file, remove"
                + " its entry from both index.json and index.html of the project");
      } else {
        alreadyListed.add(entry.filename());
      }
    }
    added.forEach(filename -> page.add(incoming.get(filename)));

    ProjectList list = readProjectList(root.resolve("simple"));
    list.add(name);

    Plan plan = new Plan(name, page, list, added, alreadyListed);
    plan.consider("simple/" + name + "/index.json", page.json());
    plan.consider("simple/" + name + "/index.html", page.html());
    plan.consider("simple/index.json", list.json());
    plan.consider("simple/index.html", list.html());
    if (existing(NOJEKYLL) == null) {
      plan.consider(NOJEKYLL, "");
    } else {
      plan.unchanged.add(NOJEKYLL);
    }
    byte[] landing = existing(LANDING);
    if (landing == null || LandingPage.isOurs(new String(landing, StandardCharsets.UTF_8))) {
      plan.consider(LANDING, LandingPage.html(list.names(), indexUrl()));
    } else {
      plan.notes.add(
          "index.html was left as it is: pyrelease did not write it (the site's home page); link"
              + " simple/ from it if you like");
    }
    if (!page.apiVersion().equals(ProjectPage.API_VERSION)) {
      plan.notes.add(
          "simple/"
              + name
              + "/ declares simple API version "
              + page.apiVersion()
              + ": files listed earlier by an HTML-only page have no known size, which version "
              + ProjectPage.API_VERSION
              + " requires");
    }
    return plan;
  }

  private FileEntry entry(String project, DistributionLink link) {
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
          "list only the wheels ({name}-{version}-{tags}.whl) and sdists ({name}-{version}.tar.gz)"
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
    String requiresPython = link.requiresPython() == null ? null : link.requiresPython().strip();
    if (requiresPython != null && requiresPython.chars().anyMatch(Character::isISOControl)) {
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
        requiresPython == null || requiresPython.isEmpty() ? null : requiresPython,
        link.uploadTime(),
        null);
  }

  /** The projects listed now: by the JSON list, else the HTML one, and any project folder. */
  private static ProjectList readProjectList(Path simple) {
    ProjectList list = new ProjectList();
    Path json = simple.resolve("index.json");
    Path html = simple.resolve("index.html");
    if (Files.isRegularFile(json)) {
      list.addFromJson(json, read(json));
    } else if (Files.isRegularFile(html)) {
      list.addFromHtml(read(html));
    }
    if (Files.isDirectory(simple)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(simple, Files::isDirectory)) {
        for (Path dir : dirs) {
          String dirName = dir.getFileName().toString();
          boolean isPage =
              Files.isRegularFile(dir.resolve("index.html"))
                  || Files.isRegularFile(dir.resolve("index.json"));
          if (isPage
              && ProjectNames.isValid(dirName)
              && ProjectNames.normalize(dirName).equals(dirName)) {
            list.add(dirName);
          }
        }
      } catch (IOException e) {
        throw cannotRead(simple, e);
      }
    }
    return list;
  }

  private static String read(Path file) {
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

  /** The file's bytes, or {@code null} when there is none. */
  private byte[] existing(String relative) {
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

  private static PyreleaseException cannotRead(Path file, IOException e) {
    return new PyreleaseException(
        "cannot read " + file + ": " + e.getMessage(),
        file.toString(),
        "check that the folder is readable");
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
          "give the address GitHub Pages serves the site at, e.g. https://<owner>.github.io/<repository>/");
    }
    String text = url.toString();
    return text.endsWith("/") ? url : URI.create(text + "/");
  }

  /** The pages to write, and what to say about them. */
  private final class Plan {

    /** A page that differs from what the folder holds. */
    private record Target(String relative, Path path, byte[] content, byte[] previous) {
      StagedFiles.Change change() {
        return new StagedFiles.Change(path, content, previous);
      }
    }

    private final String name;
    private final ProjectPage page;
    private final ProjectList list;
    private final List<String> added;
    private final List<String> alreadyListed;
    private final List<Target> changes = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Plan(
        String name,
        ProjectPage page,
        ProjectList list,
        List<String> added,
        List<String> alreadyListed) {
      this.name = name;
      this.page = page;
      this.list = list;
      this.added = List.copyOf(added);
      this.alreadyListed = List.copyOf(alreadyListed);
    }

    void consider(String relative, String text) {
      byte[] content = text.getBytes(StandardCharsets.UTF_8);
      byte[] previous = existing(relative);
      if (previous != null && Arrays.equals(previous, content)) {
        unchanged.add(relative);
      } else {
        changes.add(new Target(relative, root.resolve(relative), content, previous));
      }
    }

    List<String> describe() {
      List<String> lines = new ArrayList<>();
      lines.add("pages-index: " + name + " in " + root + " (dry run: nothing is written)");
      for (Target target : changes) {
        String verb = target.previous == null ? "would create " : "would update ";
        lines.add("  " + verb + target.relative + summary(target.relative));
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

    PagesResult result(List<String> written) {
      return new PagesResult(
          root,
          written.stream().map(Path::of).toList(),
          INDEX_PATH,
          Optional.ofNullable(indexUrl()),
          name,
          added.size(),
          alreadyListed.size(),
          page.files().size(),
          list.names().size(),
          notes);
    }
  }
}
