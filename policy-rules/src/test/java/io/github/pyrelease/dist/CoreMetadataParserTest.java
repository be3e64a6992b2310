package io.github.pyrelease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing as Python's email.parser (compat32) does, and saying so where it would surprise. */
class CoreMetadataParserTest {

  private static CoreMetadata parse(String text) {
    return CoreMetadataParser.parse("x/METADATA", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsHeadersContinuationsAndTheBody() {
    CoreMetadata m =
        parse(
            "Metadata-Version: 2.1\r\nName: acme\nSummary: one\n  two\nClassifier: A\nClassifier: B\n\nThe body\n\nmore\n");
    assertThat(m.value("name")).contains("acme");
    assertThat(m.value("Summary")).contains("one\n  two");
    assertThat(m.all("Classifier")).extracting(MetadataField::value).containsExactly("A", "B");
    assertThat(m.body()).isEqualTo("The body\n\nmore");
    assertThat(m.bodyLine()).isEqualTo(8);
    assertThat(m.field("Classifier").get().line()).isEqualTo(5);
    assertThat(m.defects()).isEmpty();
  }

  @Test
  void aDescriptionHeaderLosesItsContinuationIndent() {
    CoreMetadata m = parse("Name: a\nDescription: Title\n        =====\n       |\n        text\n");
    assertThat(m.description()).contains("Title\n=====\n\ntext");
  }

  @Test
  void aLineThatIsNotAHeaderStartsTheBodyAsInPython() {
    CoreMetadata m = parse("Name: a\nthis is not a header\nVersion: 1.0\n");
    assertThat(m.value("Version")).isEmpty();
    assertThat(m.body()).startsWith("this is not a header");
    assertThat(m.defects())
        .singleElement()
        .asString()
        .contains("line 2 is not a 'Name: value' header field");
  }

  @Test
  void bytesThatAreNotUtf8AreADefectNotACrash() {
    byte[] bytes = "Name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    CoreMetadata m = CoreMetadataParser.parse("PKG-INFO", bytes);
    assertThat(m.defects())
        .singleElement()
        .asString()
        .contains("is not valid UTF-8 (first bad byte at offset 9)");
    assertThat(m.value("Name")).isPresent();
  }

  @Test
  void aByteOrderMarkHidesEveryHeaderFromPython() {
    CoreMetadata m = parse("\uFEFFMetadata-Version: 2.1\nName: a\n");
    assertThat(m.fields()).isEmpty();
    assertThat(m.defects()).isNotEmpty();
  }

  @Test
  void emptyAndHugeInputs() {
    assertThat(parse("").fields()).isEmpty();
    String huge = "Name: a\n" + "Classifier: x\n".repeat(200_000) + "\n" + "body\n".repeat(100_000);
    CoreMetadata m = parse(huge);
    assertThat(m.all("Classifier")).hasSize(200_000);
    assertThat(m.body()).hasSize(500_000 - 1);
  }

  @Test
  void envelopeLinesAndNamelessFieldsAreDroppedAsPythonDropsThemAndSaidSo() {
    CoreMetadata misplaced = parse("Name: a\nFrom x\n continued\n:y\nVersion: 1\n\nbody\n");
    assertThat(misplaced.fields())
        .extracting(MetadataField::name)
        .containsExactly("Name", "Version");
    assertThat(misplaced.body()).isEqualTo("body");
    assertThat(misplaced.bodyLine()).isEqualTo(7);
    assertThat(misplaced.defects())
        .containsExactly(
            "line 2 starts with 'From ', which Python's email parser takes for an mbox envelope"
                + " line and drops",
            "line 3 continues a header field but no field precedes it",
            "line 4 has no field name before its colon; Python drops it");

    CoreMetadata last = parse("Name: a\nFrom x\n\nbody\n");
    assertThat(last.fields()).extracting(MetadataField::name).containsExactly("Name");
    assertThat(last.body()).isEqualTo("From x\nbody"); // the blank line is lost, as in Python
    assertThat(last.bodyLine()).isEqualTo(2);
  }
}
