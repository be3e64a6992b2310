package io.github.pyrelease.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.AtomicFiles;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishState.FileState;
import io.github.pyrelease.publish.state.PublishState.StageState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What serves the release once every stage is done (the notify stages, which serve nothing, left
 * out): {@code published.json} beside the publish state, the lines the console prints, and in
 * GitHub Actions a table in the job summary and the URLs as step outputs, for the steps that
 * announce the release.
 */
public final class PublishedRecord {

  /** The file's name, in the output directory. */
  public static final String FILE = "published.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PublishState state;

  public PublishedRecord(PublishState state) {
    this.state = state;
  }

  public String project() {
    return state.project();
  }

  public String version() {
    return state.version();
  }

  /** The stages that published the release, in order. */
  public List<StageState> stages() {
    return state.stages().stream().filter(s -> !s.type().equals(PublishStage.Notify.TYPE)).toList();
  }

  /** Every URL that serves the release, each once: the stages' pages, then each file's. */
  public List<String> urls() {
    Set<String> urls = new LinkedHashSet<>();
    stages().forEach(stage -> urls.addAll(urls(stage)));
    return List.copyOf(urls);
  }

  /**
   * The URLs by the type of stage that published them ({@code index}, {@code github-release}...).
   */
  public Map<String, List<String>> urlsByKind() {
    Map<String, Set<String>> byKind = new LinkedHashMap<>();
    for (StageState stage : stages()) {
      byKind.computeIfAbsent(stage.type(), k -> new LinkedHashSet<>()).addAll(urls(stage));
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    byKind.forEach((kind, urls) -> copy.put(kind, List.copyOf(urls)));
    return copy;
  }

  /** A stage's page, then each file's URL. */
  private static List<String> urls(StageState stage) {
    List<String> urls = new ArrayList<>();
    if (stage.url() != null) {
      urls.add(stage.url());
    }
    stage.files().stream().map(FileState::url).filter(u -> u != null).forEach(urls::add);
    return urls;
  }

  /** {@code published.json}, as {@link #write} writes it. */
  public String json() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("project", state.project());
    root.put("version", state.version());
    ArrayNode stages = root.putArray("stages");
    for (StageState stage : stages()) {
      ObjectNode node = stages.addObject();
      node.put("name", stage.name());
      node.put("type", stage.type());
      node.put("url", stage.url());
      ArrayNode files = node.putArray("files");
      for (FileState file : stage.files()) {
        files
            .addObject()
            .put("file", file.file())
            .put("url", file.url())
            .put("sha256", file.sha256());
      }
    }
    ArrayNode urls = root.putArray("urls");
    urls().forEach(urls::add);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /** Writes {@code published.json} into {@code outDir} in one move, and returns it. */
  public Path write(Path outDir) {
    Path file = outDir.resolve(FILE);
    AtomicFiles.writeString(file, json());
    return file;
  }

  /** One console line per stage: its name and where it is served. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (StageState stage : stages()) {
      lines.add(
          "published ["
              + stage.name()
              + "] "
              + (stage.url() != null ? stage.url() : stage.target())
              + " ("
              + stage.files().size()
              + (stage.files().size() == 1 ? " file)" : " files)"));
    }
    return lines;
  }

  /** The job summary's Markdown: one row per stage. */
  public String summary() {
    StringBuilder table =
        new StringBuilder("### Published ")
            .append(state.project())
            .append(' ')
            .append(state.version())
            .append("\n\n| stage | type | where | files |\n|---|---|---|---|\n");
    for (StageState stage : stages()) {
      String where = stage.url() != null ? stage.url() : stage.target();
      table
          .append("| ")
          .append(cell(stage.name()))
          .append(" | ")
          .append(cell(stage.type()))
          .append(" | ")
          .append(cell(where))
          .append(" | ")
          .append(stage.files().size())
          .append(" |\n");
    }
    return table.append('\n').toString();
  }

  /**
   * In GitHub Actions ({@code GITHUB_STEP_SUMMARY}, {@code GITHUB_OUTPUT} set): appends the table
   * to the job summary, and the outputs {@code published-json}, {@code urls} (one per line) and
   * {@code <stage>-url} for every stage with a URL.
   */
  public void toGithubActions(Path json, Map<String, String> environment) {
    String summary = environment.get("GITHUB_STEP_SUMMARY");
    if (summary != null && !summary.isBlank()) {
      append(Path.of(summary), summary());
    }
    String output = environment.get("GITHUB_OUTPUT");
    if (output == null || output.isBlank()) {
      return;
    }
    // a delimiter no URL can contain, as GitHub's multi-line output syntax asks
    String end = "pyrelease_" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder lines = new StringBuilder();
    lines.append("published-json=").append(json.toAbsolutePath()).append('\n');
    lines.append("urls<<").append(end).append('\n');
    urls().forEach(url -> lines.append(url).append('\n'));
    lines.append(end).append('\n');
    for (StageState stage : stages()) {
      if (stage.url() != null) {
        lines.append(outputName(stage.name())).append("-url=").append(stage.url()).append('\n');
      }
    }
    append(Path.of(output), lines.toString());
  }

  private static String outputName(String stage) {
    return stage.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new PyreleaseException(
          "the release is published, but " + file + " could not be written: " + e.getMessage(),
          file.toString(),
          "the record is in " + FILE + " beside the publish state; check the runner's file");
    }
  }
}
