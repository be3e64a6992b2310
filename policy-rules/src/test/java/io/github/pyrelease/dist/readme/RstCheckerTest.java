package io.github.pyrelease.dist.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.dist.readme.RstVerdict.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyrelease's reStructuredText check against readme_renderer, the renderer twine and PyPI use:
 * whatever it decides must be what docutils decides.
 */
class RstCheckerTest {

  @TempDir Path dir;

  @Test
  void theCommonFailuresInTwinesWords() {
    assertThat(RstChecker.check("Longer title\n=====\n\nText.").messages())
        .containsExactly("line 2: Warning: Title underline too short.");
    assertThat(RstChecker.check("See :ref:`install`.").messages())
        .containsExactly("line 1: Error: Unknown interpreted text role \"ref\".");
    assertThat(RstChecker.check(".. automodule:: acme\n").messages())
        .containsExactly("line 1: Error: Unknown directive type \"automodule\".");
    assertThat(RstChecker.check("* one\nnot indented\n").messages())
        .containsExactly(
            "line 2: Warning: Bullet list ends without a blank line; unexpected unindent.");
    assertThat(RstChecker.check("Some *emphasis\n").messages())
        .containsExactly("line 1: Warning: Inline emphasis start-string without end-string.");
    assertThat(RstChecker.check("See `the docs`_.\n").messages())
        .containsExactly("line 1: Error: Unknown target name: \"the docs\".");
    assertThat(RstChecker.check(".. raw:: html\n\n   <b>x</b>\n").messages())
        .containsExactly("line 1: Warning: \"raw\" directive disabled.");
    assertThat(RstChecker.check("").messages())
        .containsExactly("line 1: Error: No content rendered from RST source.");
  }

  @Test
  void typicalReadmesAreDecidedWithoutPython() {
    String readme =
        "acme\n====\n\n|badge| Greets people. See the `docs <https://acme.example>`_ and"
            + " changelog_.\n\nInstall\n-------\n\n* ``pip install acme``\n* or from source::\n\n"
            + "      python -m build\n\n.. code-block:: python\n\n   import acme\n\n.. note::\n\n"
            + "   Needs Python 3.8.\n\n.. |badge| image:: https://img.example/b.svg\n   :alt: build\n"
            + ".. _changelog: https://acme.example/changes\n";
    assertThat(RstChecker.check(readme).outcome()).isEqualTo(Outcome.VALID);
    assertThat(RstChecker.check("+---+\n| a |\n+---+\n").outcome()).isEqualTo(Outcome.VALID);
    assertThat(RstChecker.check("See [1]_.\n\n.. [1] A footnote.\n").outcome())
        .isEqualTo(Outcome.UNDECIDED);
  }

  /** The breakages READMEs most often have, decided without Python, each as docutils words it. */
  static final String[][] COMMON_BREAKAGES = {
    {
      "See `the docs <https://acme.example\n",
      "line 1: Warning: Inline interpreted text or phrase"
          + " reference start-string without end-string."
    },
    {"Some *emphasis\n", "line 1: Warning: Inline emphasis start-string without end-string."},
    {"Some **strong\n", "line 1: Warning: Inline strong start-string without end-string."},
    {".. automodule:: acme\n", "line 1: Error: Unknown directive type \"automodule\"."},
    {"See :class:`Widget`.\n", "line 1: Error: Unknown interpreted text role \"class\"."},
    {"Installation\n=====\n\nText.\n", "line 2: Warning: Title underline too short."},
    {"+-----+\n| a   |\n+---+\n", "line 1: Error: Malformed table."},
    {
      "+-----+-----+\n| a   | b   |\n+-----+-----+\n| 1   | 2\n+-----+-----+\n",
      "line 1: Error: Malformed table."
    },
    {"=====  =====\nA      B\n=====  =====\n1      2\n", "line 1: Error: Malformed table."},
    {
      "=====  =====\nA      B\n=====  =====\n1     x2\n=====  =====\n",
      "line 4: Error: Malformed table."
    },
    {
      "+-----+\n| a   |\n+-----+\nText right after.\n",
      "line 4: Warning: Blank line required after table."
    },
    {
      ".. _docs: https://a.example\n.. _docs: https://b.example\n\nSee docs_.\n",
      "line 2: Warning: Duplicate explicit target name: \"docs\"."
    },
  };

  @Test
  void theCommonBreakagesNeedNoPython() throws Exception {
    List<String> docs = new ArrayList<>();
    for (String[] c : COMMON_BREAKAGES) {
      assertThat(RstChecker.check(c[0]).messages()).as(c[0]).containsExactly(c[1]);
      docs.add(c[0]);
    }
    JsonNode verdicts = render(docs);
    for (int i = 0; i < docs.size(); i++) {
      assertThat(verdicts.get(i).get("ok").asBoolean()).as("docutils on " + docs.get(i)).isFalse();
    }
  }

  @Test
  void hostileInputEndsInAVerdict() {
    assertThat(RstChecker.check("*".repeat(100_000)).outcome()).isNotNull();
    assertThat(RstChecker.check("- ".repeat(2000) + "x").outcome()).isNotNull();
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      deep.append(" ".repeat(i)).append("- item\n\n");
    }
    assertThat(RstChecker.check(deep.toString()).outcome()).isNotNull();
  }

  /**
   * The hand-written scanners find what the regular expressions they replaced found, at every
   * position of random text made of the characters that matter: letters and numbers of every
   * Unicode category (a supplementary letter too), the reference punctuation, brackets, spaces.
   */
  @Test
  void scannersFindWhatTheRegularExpressionsFound() {
    java.util.regex.Pattern simpleReference =
        java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*(__?)");
    java.util.regex.Pattern footnote = java.util.regex.Pattern.compile("(?s)\\[[^\\]\\s]+\\]_.*");
    String[] alphabet = {
      "a",
      "Z",
      "5",
      "\u00e9",
      "\u0663",
      "\u216b",
      "\u00b2",
      "\u02b0",
      "\ud835\udc00",
      "\ud800",
      "_",
      "_",
      "-",
      ".",
      "+",
      ":",
      " ",
      "\t",
      "\u000b",
      "`",
      "[",
      "]",
      "*",
      "\u00a0"
    };
    Random random = new Random(7);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      for (int i = 0; i < s.length(); i++) {
        java.util.regex.Matcher m = simpleReference.matcher(s).region(i, s.length());
        int expected = m.lookingAt() ? m.start(1) : -1;
        assertThat(RstChecker.referenceSuffix(s, i)).as("'%s' at %d", s, i).isEqualTo(expected);
        if (expected >= 0) {
          assertThat(s.startsWith("__", expected)).isEqualTo(m.group(1).length() == 2);
        }
        if (s.charAt(i) == '[') {
          assertThat(RstChecker.footnoteReference(s, i))
              .as("'%s' at %d", s, i)
              .isEqualTo(footnote.matcher(s.substring(i)).matches());
        }
      }
    }
  }

  /**
   * Thousands of generated documents (typical README markup, valid and broken, then mutated) and
   * the long descriptions of the installed distributions: where pyrelease decides, docutils must
   * agree, and pyrelease must decide most of them.
   */
  @Test
  void agreesWithReadmeRenderer() throws Exception {
    List<String> docs = generate(new Random(2024), 2500);
    docs.addAll(installedDescriptions());
    JsonNode verdicts = render(docs);
    int decided = 0;
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      RstVerdict ours = RstChecker.check(docs.get(i));
      boolean renders = verdicts.get(i).get("ok").asBoolean();
      if (ours.outcome() == Outcome.UNDECIDED) {
        continue;
      }
      decided++;
      if ((ours.outcome() == Outcome.VALID) != renders) {
        wrong.add(
            "#" + i + " ours " + ours + ", docutils " + verdicts.get(i) + ":\n" + docs.get(i));
      }
    }
    assertThat(wrong).as("verdicts that differ from readme_renderer").isEmpty();
    assertThat(decided).as("documents decided without Python").isGreaterThan(docs.size() * 8 / 10);
  }

  private static final String[] GOOD = {
    "Title\n=====",
    "Section\n-------",
    "=======\nHeading\n=======",
    "Sub sub\n~~~~~~~",
    "Text with *emphasis*, **strong**, ``literal`` and a `link <https://example.org>`_.",
    "A reference_ to a target.\n\n.. _reference: https://example.org/ref",
    "* one\n* two\n\n  continued\n* three",
    "- a\n- b",
    "1. first\n2. second\n3. third",
    "#. auto\n#. more",
    "Example::\n\n    code here\n    more code",
    ".. code-block:: python\n\n   print('x')",
    ".. note::\n\n   A note with *markup*.",
    ".. warning::\n\n   Careful.",
    ".. image:: https://img.example/x.svg\n   :alt: badge\n   :target: https://example.org",
    "|badge| text\n\n.. |badge| image:: https://example.org/b.svg",
    "term\n    its definition",
    ".. a comment\n   spanning lines",
    ">>> 1 + 1\n2",
    "See `this <https://a.example>`__ and that__.\n\n__ https://b.example",
    "Plain paragraph\nover two lines.",
    "Email dev@acme.example or visit https://acme.example/a_b_.",
    "Use :code:`x = 1` and :pep:`8`.",
    ".. contents::",
    "Back\\*slash escapes\\_ are fine.",
    "A line with a trailing colon::\n\n    literal",
    "Quote:\n\n    Indented quote\n    continues.",
    "+-----+-----+\n| a   | b   |\n+=====+=====+\n| 1   | *x* |\n+-----+-----+",
    "+------+\n| cell |\n| two  |\n+------+",
    "+--------+\n| * one  |\n| * two  |\n+--------+",
    "=====  =====\nA      B\n=====  =====\n1      2\n=====  =====",
    "=====  =====\n1      2\n\n       more\n3      ``4``\n=====  =====",
    "=====  =====\nName   Notes\n=====  =====\nacme   * one\n       * two\n=====  =====",
    "Title\n===\nis a paragraph.",
    "`\nTitle\n===\nis a paragraph.",
    // a start-string needs whitespace, an opener or a delimiter before it: not ')', ']' or '.'
    "Levels: CRITICAL|ERROR|WARN(ING)|[default: 'INFO']|DEBUG.",
    "After a paren (x)*y, a bracket [x]`y and a dot.**z stay text.",
  };

  private static final String[] BAD = {
    "Longer title\n=====",
    "* item\nnot indented",
    "See :ref:`foo` and :class:`Bar`.",
    ".. automodule:: acme",
    ".. versionadded:: 1.0",
    "*unclosed emphasis",
    "``unclosed literal",
    "**unclosed strong",
    "Para line one\nline two\n    indented",
    "Example::\n\nnot indented",
    "See `unknown target`_.",
    "A simple_ ref.",
    ".. raw:: html\n\n   <b>x</b>",
    ".. include:: other.rst",
    "|undefined|",
    ".. _x: https://a.example\n.. _x: https://b.example",
    "    quote\nunindent",
    "anonymous__ ref",
    ".. code-block:: python\n   print('no blank')",
    "+-----+\n| a   |\n+---+",
    "+-----+\n| a    |\n+-----+",
    "+-----+\n| *x  |\n+-----+",
    "+---+---+\n| a | b |\n+---+---+\n| 1 | 2\n+---+---+",
    "=====  =====\nA      B\n=====  =====\n1  2",
    "+-----+\n| a   |\n+-----+\nright after",
    "See `text <http://x",
    ":class:`Widget`",
    "=====  =====\nA      B\n=====  =====\n1     x2\n=====  =====",
    "=====  =====\n1      *x\n=====  =====",
    "=====  ======\nA      B\n=====  =====",
    "=====  =====\n1      2\n=====  =====\nright after",
    "===  ===  ===\nx    y    z\n===  ===   ==",
  };

  static List<String> generate(Random random, int count) {
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int blocks = 1 + random.nextInt(6);
      StringBuilder doc = new StringBuilder();
      for (int b = 0; b < blocks; b++) {
        String block =
            random.nextInt(5) == 0
                ? BAD[random.nextInt(BAD.length)]
                : GOOD[random.nextInt(GOOD.length)];
        doc.append(block).append(random.nextInt(12) == 0 ? "\n" : "\n\n");
      }
      String text = doc.toString();
      if (random.nextInt(3) == 0) {
        text = mutate(random, text);
      }
      docs.add(text);
    }
    return docs;
  }

  private static String mutate(Random random, String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int k = random.nextInt(lines.size());
    switch (random.nextInt(5)) {
      case 0 -> lines.remove(k);
      case 1 -> lines.set(k, "   " + lines.get(k));
      case 2 ->
          lines.set(
              k,
              lines.get(k).isEmpty() ? "" : lines.get(k).substring(0, lines.get(k).length() - 1));
      case 3 -> lines.add(k, "");
      default -> lines.set(k, lines.get(k).replace("``", "`"));
    }
    return String.join("\n", lines);
  }

  /** Long descriptions of the distributions installed for the test interpreter (Debian's). */
  private static List<String> installedDescriptions() throws IOException {
    List<String> out = new ArrayList<>();
    Path site = Path.of("/usr/lib/python3/dist-packages");
    if (!Files.isDirectory(site)) {
      return out;
    }
    try (DirectoryStream<Path> infos = Files.newDirectoryStream(site, "*.dist-info")) {
      for (Path info : infos) {
        Path metadata = info.resolve("METADATA");
        if (!Files.isRegularFile(metadata)) {
          continue;
        }
        var parsed =
            io.github.pyrelease.dist.CoreMetadataParser.parse(
                "METADATA", Files.readAllBytes(metadata));
        String type = parsed.value("Description-Content-Type").orElse("text/x-rst");
        if (type.startsWith("text/x-rst")) {
          parsed.description().ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private JsonNode render(List<String> docs) throws IOException, InterruptedException {
    Path script = dir.resolve("render_rst.py");
    try (InputStream in = DescriptionRenderer.class.getResourceAsStream("render_rst.py")) {
      Files.copy(in, script);
    }
    Path input = dir.resolve("in.json");
    Path output = dir.resolve("out.json");
    new ObjectMapper()
        .writeValue(input.toFile(), docs.stream().map(d -> Map.of("text", d)).toList());
    String python = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
    Process process =
        new ProcessBuilder(python, script.toString(), input.toString(), output.toString())
            .inheritIO()
            .start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as("readme_renderer must be installed (python3-readme-renderer)")
        .isZero();
    return new ObjectMapper().readTree(output.toFile()).get("verdicts");
  }
}
