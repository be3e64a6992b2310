package io.github.pyrelease.publish.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.AtomicFiles;
import io.github.pyrelease.publish.state.PublishState.FileState;
import io.github.pyrelease.publish.state.PublishState.GateState;
import io.github.pyrelease.publish.state.PublishState.StageState;
import io.github.pyrelease.publish.state.PublishState.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * {@code target/pyrelease/publish-state.json}: the release's record, read at the start of a run and
 * written (synced, then moved into place) after every file and every gate, so that whatever stops
 * the process, the file tells what is published and nothing more.
 */
public final class PublishStateFile {

  public static final String FILE_NAME = "publish-state.json";

  /** A state file is small; a larger one is not ours. */
  private static final long MAX_SIZE = 4L << 20;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public PublishStateFile(Path outputDirectory) {
    this.file = outputDirectory.resolve(FILE_NAME);
  }

  public Path path() {
    return file;
  }

  /**
   * The state recorded earlier, if any.
   *
   * @throws PyreleaseException when the file exists but is not a state file pyrelease can read
   */
  public Optional<PublishState> read() {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw broken("it is larger than " + MAX_SIZE + " bytes", null);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw broken("it cannot be read: " + e.getMessage(), null);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw broken("it is not valid JSON" + where + ": " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      throw broken("it cannot be read: " + e.getMessage(), null);
    }
    if (root == null || !root.isObject()) {
      throw broken("it does not hold a JSON object", null);
    }
    int schema = root.path("schemaVersion").asInt(-1);
    if (schema != PublishState.SCHEMA_VERSION) {
      throw broken(
          "its schemaVersion is "
              + root.path("schemaVersion")
              + ", and this pyrelease reads "
              + PublishState.SCHEMA_VERSION,
          "publish with the pyrelease version that wrote it");
    }
    PublishState state = new PublishState(text(root, "project", true), text(root, "version", true));
    for (JsonNode stageNode : array(root, "stages")) {
      state.stages().add(stage(stageNode));
    }
    return Optional.of(state);
  }

  /** Writes {@code state}, synced to the disk, replacing the file in one move. */
  public void write(PublishState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", PublishState.SCHEMA_VERSION);
    root.put("project", state.project());
    root.put("version", state.version());
    ArrayNode stages = root.putArray("stages");
    for (StageState stage : state.stages()) {
      ObjectNode node = stages.addObject();
      node.put("name", stage.name());
      node.put("type", stage.type());
      node.put("target", stage.target());
      node.put("status", stage.status().id());
      putIfSet(node, "started", stage.started());
      putIfSet(node, "finished", stage.finished());
      putIfSet(node, "url", stage.url());
      putIfSet(node, "message", stage.message());
      ArrayNode files = node.putArray("files");
      for (FileState f : stage.files()) {
        ObjectNode fileNode = files.addObject();
        fileNode.put("file", f.file());
        fileNode.put("sha256", f.sha256());
        fileNode.put("size", f.size());
        fileNode.put("outcome", f.outcome());
        putIfSet(fileNode, "url", f.url());
        fileNode.put("time", f.time());
      }
      ObjectNode gates = node.putObject("gates");
      stage
          .gates()
          .forEach(
              (gate, result) -> {
                ObjectNode g = gates.putObject(gate);
                g.put("status", result.status());
                g.put("time", result.time());
                putIfSet(g, "by", result.by());
              });
      ObjectNode details = node.putObject("details");
      stage.details().forEach(details::put);
    }
    try {
      AtomicFiles.writeSynced(file, MAPPER.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot write " + file + ": " + e.getMessage(),
          file.toString(),
          "check that the directory is writable and the disk is not full",
          e);
    }
  }

  private StageState stage(JsonNode node) {
    StageState stage =
        new StageState(
            text(node, "name", true), text(node, "type", true), text(node, "target", false));
    String status = text(node, "status", true);
    stage.status(
        Status.fromId(status)
            .orElseThrow(() -> broken("a stage has the unknown status '" + status + "'", null)),
        text(node, "message", false));
    stage.started(text(node, "started", false));
    stage.finished(text(node, "finished", false));
    stage.url(text(node, "url", false));
    for (JsonNode f : array(node, "files")) {
      JsonNode size = f.path("size");
      if (!size.canConvertToLong() || size.asLong() < 0) {
        throw broken("a file of stage '" + stage.name() + "' has no valid size", null);
      }
      String sha256 = text(f, "sha256", true);
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw broken("the sha256 of a file of stage '" + stage.name() + "' is not one", null);
      }
      stage.recordFile(
          new FileState(
              text(f, "file", true),
              sha256,
              size.asLong(),
              text(f, "outcome", true),
              text(f, "url", false),
              text(f, "time", true)));
    }
    JsonNode gates = node.path("gates");
    for (Iterator<Map.Entry<String, JsonNode>> it = gates.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> gate = it.next();
      stage
          .gates()
          .put(
              gate.getKey(),
              new GateState(
                  text(gate.getValue(), "status", true),
                  text(gate.getValue(), "time", true),
                  text(gate.getValue(), "by", false)));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("details").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> detail = it.next();
      stage.details().put(detail.getKey(), detail.getValue().asText());
    }
    return stage;
  }

  private Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode()) {
      return java.util.List.of();
    }
    if (!value.isArray()) {
      throw broken("'" + field + "' is not a list", null);
    }
    return value;
  }

  private String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw broken("'" + field + "' is missing", null);
      }
      return null;
    }
    if (!value.isTextual()) {
      throw broken("'" + field + "' is not text", null);
    }
    return value.asText();
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private PyreleaseException broken(String what, String fix) {
    return new PyreleaseException(
        file.getFileName() + " cannot be used: " + what,
        file.toString(),
        fix != null
            ? fix
            : "it records what this release published: repair it by hand, or delete it only if"
                + " nothing of this version was published yet (check the indexes and the GitHub"
                + " release first)");
  }
}
