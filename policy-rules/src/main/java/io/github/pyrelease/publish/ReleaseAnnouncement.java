package io.github.pyrelease.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.publish.state.PublishState.StageState;
import java.util.List;
import java.util.Map;

/**
 * What the notify stage posts: a Slack-compatible {@code text} for people, and the same facts as
 * fields for programs ({@code name}, {@code version}, {@code stages}, {@code urls} by kind of
 * stage), all from the record published.json is written from.
 */
final class ReleaseAnnouncement {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PublishedRecord record;

  ReleaseAnnouncement(PublishedRecord record) {
    this.record = record;
  }

  /**
   * One line naming the release and the stages, then one line per URL. Slack reads {@code &},
   * {@code <} and {@code >} as markup, so they are escaped as its documentation asks.
   */
  String text() {
    List<String> stages = record.stages().stream().map(StageState::name).toList();
    StringBuilder text =
        new StringBuilder(record.project())
            .append(' ')
            .append(record.version())
            .append(" is published")
            .append(stages.isEmpty() ? "" : " (" + String.join(", ", stages) + ")");
    List<String> urls = record.urls();
    text.append(urls.isEmpty() ? "." : ":");
    urls.forEach(url -> text.append('\n').append(url));
    return slackEscaped(text.toString());
  }

  /** The JSON body. */
  ObjectNode body() {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("text", text());
    body.put("name", record.project());
    body.put("version", record.version());
    ArrayNode stages = body.putArray("stages");
    for (StageState stage : record.stages()) {
      stages
          .addObject()
          .put("name", stage.name())
          .put("type", stage.type())
          .put("url", stage.url());
    }
    ObjectNode urls = body.putObject("urls");
    for (Map.Entry<String, List<String>> kind : record.urlsByKind().entrySet()) {
      ArrayNode list = urls.putArray(kind.getKey());
      kind.getValue().forEach(list::add);
    }
    return body;
  }

  byte[] json() {
    try {
      return MAPPER.writeValueAsBytes(body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /** The body as a dry run prints it, one line per field. */
  List<String> prettyLines() {
    try {
      return MAPPER
          .copy()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(body())
          .lines()
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  private static String slackEscaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
