package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The streaming writer against Jackson's object model, the reports' writer before it. */
class JsonDocumentTest {

  /** Quotes, escapes, control and line-separator characters, astral code points, markup. */
  private static final String HOSTILE =
      "\"quoted\" \\ back\nnew\r\tline \u0000 nul \u001f \u2028 sep \uD83D\uDE00 </script> ü";

  @Test
  void writesExactlyWhatTheObjectModelWroteIndentedForHostileStrings() throws Exception {
    JsonDocument document = new JsonDocument().startObject();
    document.field("text", HOSTILE).field("none", (String) null).field("count", 42L);
    document.field("big", Long.MAX_VALUE).field("yes", true).field(HOSTILE, "as a key");
    document.startArray("list").value(HOSTILE).value(null).startObject().field("in", "array");
    document.endObject().endArray();
    document.startObject("empty").endObject().startArray("nothing").endArray();
    document.startObject("nested").startObject("deeper").field("x", -1L).endObject().endObject();
    String written = document.endObject().finish();

    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode model = mapper.createObjectNode();
    model.put("text", HOSTILE).putNull("none");
    model.put("count", 42L).put("big", Long.MAX_VALUE).put("yes", true).put(HOSTILE, "as a key");
    model.putArray("list").add(HOSTILE).addNull().addObject().put("in", "array");
    model.putObject("empty");
    model.putArray("nothing");
    model.putObject("nested").putObject("deeper").put("x", -1L);

    assertThat(written).isEqualTo(mapper.writeValueAsString(model) + "\n");
    assertThat(mapper.readTree(written).get("text").asText()).isEqualTo(HOSTILE);
  }
}
