package io.github.pyrelease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordParserTest {

  private static RecordFile parse(String text) {
    return RecordParser.parse("a-1.dist-info/RECORD", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsRowsAsPythonsCsvDoes() {
    RecordFile r =
        parse(
            "a/x.py,sha256=abc,3\r\n\"a/with,comma.txt\",sha256=def,4\n\"a/q\"\"uote\",,\na-1.dist-info/RECORD,,\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rows())
        .extracting(RecordRow::path)
        .containsExactly("a/x.py", "a/with,comma.txt", "a/q\"uote", "a-1.dist-info/RECORD");
    assertThat(r.rows().get(1).line()).isEqualTo(2);
  }

  @Test
  void malformedRowsAreProblemsWithTheirLine() {
    RecordFile r = parse("a/x.py,sha256=abc\n\"unclosed,sha256=x,1\n");
    assertThat(r.problems())
        .containsExactly(
            "line 1: expected 3 columns (path,hash,size), found 2: a/x.py,sha256=abc",
            // read on to the end, as Python's csv reader does, and reported as well
            "line 2: a quoted field is not closed before the end of RECORD",
            "line 2: expected 3 columns (path,hash,size), found 1: unclosed,sha256=x,1\\n");
  }

  @Test
  void aLineOfOnlyAQuotedEmptyFieldIsARowNotABlankLine() {
    RecordFile r = parse("a/x.py,sha256=abc,3\n\"\"\n\nb/y.py,,\n");
    assertThat(r.rows()).extracting(RecordRow::path).containsExactly("a/x.py", "b/y.py");
    assertThat(r.rows()).extracting(RecordRow::line).containsExactly(1, 4);
    assertThat(r.problems())
        .containsExactly("line 2: expected 3 columns (path,hash,size), found 1: ");
  }

  @Test
  void lineBreaksInsideQuotesCountAsLinesCrIncluded() {
    RecordFile r = parse("\"a\rb\",h,1\nc,h,2\n\"d\r\ne\",h,3\nf,h,4\n");
    assertThat(r.rows()).extracting(RecordRow::path).containsExactly("a\rb", "c", "d\r\ne", "f");
    assertThat(r.rows()).extracting(RecordRow::line).containsExactly(1, 3, 4, 6);
  }
}
