package io.github.pyrelease.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A JSON text written as it is built, through Jackson's streaming generator and indented as Jackson
 * indents. The reports need no object model, and a generator starts in a fraction of the time of a
 * databind {@code ObjectMapper} (no date formats, no locale data), which a one-shot {@code
 * pyrelease check} would otherwise spend on every run. A {@link StringWriter} never fails, so
 * neither do these methods; plain methods rather than lambdas, as each lambda costs a cold JVM its
 * own bootstrap.
 */
final class JsonDocument {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final StringWriter text = new StringWriter();
  private final JsonGenerator out;

  JsonDocument() {
    try {
      out = FACTORY.createGenerator(text).setPrettyPrinter(new DefaultPrettyPrinter());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens an object as a value: the document's root, or an element of the enclosing array. */
  JsonDocument startObject() {
    try {
      out.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Opens an object as the field {@code name} of the enclosing object. */
  JsonDocument startObject(String name) {
    try {
      out.writeObjectFieldStart(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Opens an array as the field {@code name} of the enclosing object. */
  JsonDocument startArray(String name) {
    try {
      out.writeArrayFieldStart(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  JsonDocument endObject() {
    try {
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  JsonDocument endArray() {
    try {
      out.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A string field; {@code null} is written as JSON {@code null}. */
  JsonDocument field(String name, String value) {
    try {
      out.writeStringField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  JsonDocument field(String name, long value) {
    try {
      out.writeNumberField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  JsonDocument field(String name, boolean value) {
    try {
      out.writeBooleanField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A string element of the enclosing array. */
  JsonDocument value(String value) {
    try {
      out.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The text, ended by a newline; the document must be complete. */
  String finish() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }
}
