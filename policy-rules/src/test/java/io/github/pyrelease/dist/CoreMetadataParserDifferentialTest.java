package io.github.pyrelease.dist;

import static io.github.pyrelease.dist.PythonCorpusOracle.show;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CoreMetadataParser against the implementation it imitates, Python's {@code email.parser} with the
 * compat32 policy, on generated tricky metadata: the same header fields (names and values, in
 * order), the same body, and the same two defects both sides know of (a line that is not a header
 * ending the headers, a continuation line with no field before it).
 *
 * <p>The oracle is {@code Parser(policy=compat32).parsestr(text)} on the text decoded as UTF-8,
 * which is what importlib.metadata ({@code email.message_from_string}) and pkginfo do, and what
 * packaging.metadata does on bytes. Only valid UTF-8 is generated: bytes that are not are a defect
 * of their own, tested in CoreMetadataParserTest. No header is named Content-Type (the generated
 * names are at most 8 characters or from a fixed list), since a multipart or message/* type would
 * make Python parse the body as MIME parts, which no metadata does.
 *
 * <p>The inputs include the lines Python's feed parser treats specially: lines starting with "From
 * " (an mbox envelope line: skipped as the first line, dropped further down, and given to the body
 * as the last header line, the blank line after it lost) and lines starting with a colon (dropped,
 * and their continuation lines with them).
 */
class CoreMetadataParserDifferentialTest {

  /** Fixed so that CI is repeatable; -Dpyrelease.differential.seed=N explores other inputs. */
  private static final long SEED = Long.getLong("pyrelease.differential.seed", 2_822_0241L);

  private static final int COUNT = 3_000;
  private static final int SHOWN = 12;

  private static final String ORACLE =
      """
      import base64, email.parser, email.policy, json, sys
      parser = email.parser.Parser(policy=email.policy.compat32)
      out = []
      with open(sys.argv[1], encoding="ascii") as inputs:
          for line in inputs:
              text = base64.b64decode(json.loads(line)).decode("utf-8")
              message = parser.parsestr(text)
              payload = message.get_payload()
              assert isinstance(payload, str), "not a single-part message: %r" % (text,)
              out.append(json.dumps({
                  "fields": [[name, value] for name, value in message.items()],
                  "payload": payload,
                  "defects": [type(defect).__name__ for defect in message.defects],
              }))
      sys.stdout.write("".join(line + "\\n" for line in out))
      """;

  @TempDir Path dir;

  @Test
  void agreesWithPythonsEmailParser() throws Exception {
    PythonCorpusOracle.assumePython();
    List<String> inputs = corpus(new Random(SEED), COUNT);
    List<byte[]> bytes =
        inputs.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    List<JsonNode> answers = PythonCorpusOracle.ask(dir, ORACLE, bytes);

    List<String> mismatches = new ArrayList<>();
    int withBody = 0;
    int continued = 0;
    int cutShort = 0;
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode python = answers.get(i);
      CoreMetadata java = CoreMetadataParser.parse("x/METADATA", bytes.get(i));

      List<String> pythonFields = new ArrayList<>();
      for (JsonNode field : python.get("fields")) {
        String name = field.get(0).asText();
        String value = lineFeeds(field.get(1).asText());
        if (name.equalsIgnoreCase("Description")) {
          value = unfoldDescription(value);
        }
        pythonFields.add(name + ": " + show(value));
      }
      List<String> javaFields =
          java.fields().stream().map(f -> f.name() + ": " + show(f.value())).toList();
      String pythonBody = withoutFinalLineFeed(lineFeeds(python.get("payload").asText()));
      String javaBody = java.body() == null ? "" : java.body();
      List<String> pythonDefects = PythonCorpusOracle.strings(python.get("defects"));
      boolean pythonCutShort = pythonDefects.contains("MissingHeaderBodySeparatorDefect");
      boolean javaCutShort =
          java.defects().stream().anyMatch(d -> d.contains("is not a 'Name: value' header field"));
      long pythonOrphans =
          pythonDefects.stream().filter("FirstHeaderLineIsContinuationDefect"::equals).count();
      long javaOrphans =
          java.defects().stream().filter(d -> d.contains("but no field precedes it")).count();

      withBody += javaBody.isEmpty() ? 0 : 1;
      continued += java.fields().stream().anyMatch(f -> f.value().contains("\n")) ? 1 : 0;
      cutShort += javaCutShort ? 1 : 0;
      List<String> differences = new ArrayList<>();
      if (!pythonFields.equals(javaFields)) {
        differences.add("fields: Python " + pythonFields + ", Java " + javaFields);
      }
      if (!pythonBody.equals(javaBody)) {
        differences.add("body: Python " + show(pythonBody) + ", Java " + show(javaBody));
      }
      if (pythonCutShort != javaCutShort || pythonOrphans != javaOrphans) {
        differences.add("defects: Python " + pythonDefects + ", Java " + java.defects());
      }
      if (!differences.isEmpty()) {
        mismatches.add(
            "#"
                + i
                + " "
                + show(inputs.get(i))
                + "\n      "
                + String.join("\n      ", differences));
      }
    }

    System.out.printf(
        "core metadata differential (seed %d): %d inputs, %d with a body, %d with a continued"
            + " field, %d ended by a line that is not a header, %d mismatches%n",
        SEED, inputs.size(), withBody, continued, cutShort, mismatches.size());
    PythonCorpusOracle.assertNoMismatches(
        mismatches, inputs.size(), SEED, "Python's email.parser (compat32)", SHOWN);
    // The corpus must exercise each path, or agreement means little.
    assertThat(withBody).isGreaterThan(COUNT / 4);
    assertThat(continued).isGreaterThan(COUNT / 4);
    assertThat(cutShort).isGreaterThan(COUNT / 20);
  }

  /*
   * The normalisation of Python's answers, and why.
   *
   * A compat32 header value is the raw folded text (header_source_parse): the first line after the
   * colon with its leading spaces and tabs removed, then every continuation line as written,
   * including its line break and its leading whitespace, and finally every CR and LF at the end
   * removed. So "A: b\r\n  c\r\n" gives "b\r\n  c". The Java parser documents that it splits lines
   * at CRLF, CR or LF and joins a field's lines with LF, so the only normalisation of a value is
   * CRLF and CR to LF; nothing else (no whitespace) is touched.
   *
   * A field named Description (any case) is unfolded by the Java parser as its javadoc says:
   * continuation lines lose an indent of eight spaces or of seven spaces and a bar, and the value
   * is then stripped (String.strip). The same documented rule is applied here, written out again
   * rather than calling the parser's own method, to Python's raw value. (pkginfo, which twine
   * uses, strips the value with Python's str.strip first and removes only the eight spaces, so
   * this part compares with the parser's own rule, not with pkginfo.)
   *
   * The payload is the rest of the text after the blank line, as written: original line endings
   * and the final line break kept. The Java body is those lines joined by LF without a final line
   * feed, and null when there is nothing after the headers (Python: ""). So CRLF and CR become LF
   * and one final LF is dropped; a missing Java body counts as "".
   */

  private static String lineFeeds(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String withoutFinalLineFeed(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static String unfoldDescription(String value) {
    String[] lines = value.split("\n", -1);
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      boolean indented = line.startsWith(" ".repeat(8)) || line.startsWith(" ".repeat(7) + "|");
      out.append('\n').append(indented ? line.substring(8) : line);
    }
    return out.toString().strip();
  }

  // ---------------------------------------------------------------------------------------------
  // The corpus: a few fixed cases, then generated ones.

  private static final String[] NAMES = {
    "Metadata-Version",
    "Name",
    "Version",
    "Summary",
    "Classifier",
    "Requires-Dist",
    "Project-URL",
    "Author-email",
    "License",
    "Keywords",
    "Home-page",
    "Provides-Extra",
    "Description-Content-Type",
    "Dynamic",
    "Wheel-Version",
    "Tag",
    "Root-Is-Purelib",
    "X-Odd_name.1",
    "name",
    "SUMMARY",
    "From",
    "Description",
    "description"
  };

  private static final String[] WORDS = {
    "acme",
    "1.0.2",
    "MIT",
    "Topic :: Utilities",
    "a:b",
    "x = 1",
    "requests>=2; extra == 'a'",
    "<a@example.org>",
    "\"quoted\"",
    "caf\u00e9",
    "\u00fcber",
    "\u65e5\u672c\u8a9e",
    "\ud83d\ude00",
    "\u00a0nbsp\u00a0",
    "line\u2028sep",
    "nel\u0085",
    "ff\f",
    "vt\u000b",
    "fs\u001c",
    "\uFEFFbom",
    "trailing ",
    "tab\tin",
    "back\\slash",
    "From here",
    "----",
    "=====",
    "|bar"
  };

  private static final String[] NOT_HEADERS = {
    "not a header",
    "Name value",
    "Name : value",
    "Home page: https://example.org",
    "caf\u00e9: x",
    "\uFEFFName: bom",
    "Name\u00a0: nbsp",
    "-----",
    "\u001cName: fs",
    "From someone@example.org Mon Jan  1 00:00:00 2024",
    "From x",
  };

  private static final String[] EMPTY_NAMES = {":x", ": value", ":", ":: double", ":Name: x"};

  private static final String[] ENDINGS = {"\n", "\r\n", "\r"};

  private static List<String> corpus(Random random, int count) {
    List<String> corpus =
        new ArrayList<>(
            List.of(
                "",
                "\n",
                "\r\n",
                "\r",
                "Name: a",
                "Name: a\n",
                "Name: a\n\n",
                "Name: a\n\n\n",
                "\nbody",
                "Name: a\r\n\r\nbody\r\n\r\nmore\r\n",
                "Name: a\nDescription: Title\n        =====\n       |\n        text\n",
                "Summary: one\n  two\n\ttab\n \nName: b\n",
                " orphan\nName: a\n",
                "\uFEFFMetadata-Version: 2.1\nName: a\n",
                // Read differently (see the class comment): Python takes a first line "From "
                // as the Unix envelope, drops such a line further down, and pushes the last one
                // back as the body's first line, losing the blank line after it ...
                "From x\nName: a\n",
                "Name: a\nFrom x\nVersion: 1\n",
                "Name: a\nFrom x\n\nbody\n",
                // ... and drops a line whose name is empty, and its continuation lines.
                ":x\nName: a\n",
                "Name: a\n:x\n y\n"));
    while (corpus.size() < count) {
      corpus.add(generate(random));
    }
    return corpus;
  }

  private static String generate(Random random) {
    List<String> lines = new ArrayList<>();
    int headers = random.nextInt(9);
    for (int i = 0; i < headers; i++) {
      int kind = random.nextInt(100);
      if (kind < 50) {
        lines.add(header(random));
      } else if (kind < 68) {
        lines.add(continuation(random));
      } else if (kind < 76) {
        description(random, lines);
      } else if (kind < 82) {
        lines.add(oneOf(random, NOT_HEADERS));
      } else if (kind < 86) {
        lines.add(oneOf(random, EMPTY_NAMES));
      } else if (kind < 92) {
        lines.add(oneOf(random, " ", "\t", "  \t", "        "));
      } else {
        lines.add(randomName(random) + ":" + value(random));
      }
    }
    if (random.nextInt(4) != 0) {
      lines.add("");
      int body = random.nextInt(6);
      for (int i = 0; i < body; i++) {
        int kind = random.nextInt(10);
        if (kind < 2) {
          lines.add("");
        } else if (kind < 4) {
          lines.add(header(random));
        } else if (kind < 5) {
          lines.add(oneOf(random, NOT_HEADERS));
        } else if (kind < 6) {
          lines.add(continuation(random));
        } else {
          lines.add(value(random) + " " + value(random));
        }
      }
    }
    int style = random.nextInt(5); // LF, CRLF, CR, or mixed line by line (twice as likely)
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      out.append(lines.get(i));
      boolean last = i == lines.size() - 1;
      if (!last || random.nextBoolean()) {
        out.append(style < 3 ? ENDINGS[style] : oneOf(random, ENDINGS));
      }
    }
    return out.toString();
  }

  private static String header(Random random) {
    String name = random.nextInt(8) == 0 ? randomName(random) : oneOf(random, NAMES);
    String separator = oneOf(random, ": ", ":", ":  ", ":\t", ": \t ");
    return name + separator + value(random);
  }

  private static String continuation(Random random) {
    return oneOf(random, " ", "\t", "  ", " \t", "        ", "       |") + value(random);
  }

  /** A Description header folded the way distutils (8 spaces) or setuptools (7 and a bar) do. */
  private static void description(Random random, List<String> lines) {
    lines.add(oneOf(random, "Description", "description") + ": " + value(random));
    String indent = oneOf(random, "        ", "       |");
    int more = random.nextInt(5);
    for (int i = 0; i < more; i++) {
      int kind = random.nextInt(6);
      if (kind == 0) {
        lines.add(indent); // an empty line of the description
      } else if (kind == 1) {
        lines.add(indent + "    " + value(random)); // indented more: a code block
      } else if (kind == 2) {
        lines.add(oneOf(random, "\t", " ", "   ") + value(random)); // not the usual indent
      } else {
        lines.add(indent + value(random));
      }
    }
  }

  private static String value(Random random) {
    int words = random.nextInt(4);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(i == 0 ? "" : oneOf(random, " ", "  ", ", ", "\t")).append(oneOf(random, WORDS));
    }
    return out.toString();
  }

  /** 1 to 8 printable ASCII characters but the colon: what Python accepts as a header name. */
  private static String randomName(Random random) {
    int length = 1 + random.nextInt(8);
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      char c = (char) (0x21 + random.nextInt(0x7e - 0x21 + 1));
      if (c != ':') {
        out.append(c);
      }
    }
    return out.toString();
  }

  @SafeVarargs
  private static <T> T oneOf(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
