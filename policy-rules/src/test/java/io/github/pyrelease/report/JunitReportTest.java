package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.Stage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element testcase(Document doc, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element element = (Element) cases.item(i);
      if (element.getAttribute("name").equals(name)) {
        return element;
      }
    }
    throw new AssertionError("no testcase " + name);
  }

  @Test
  void oneTestcasePerRuleWithFailuresCarryingEvidenceAndFix() throws Exception {
    Document doc =
        parse(
            JunitReport.render(
                new Report(SampleEvaluation.create(), "policy p.yaml", Level.ERROR, "1")));

    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("pyrelease acme-widgets 1.2.0");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("2");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(5);
    Element failed = testcase(doc, "version-consistent");
    assertThat(failed.getAttribute("classname")).isEqualTo("pyrelease.source");
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("1 of 2 version sources disagree");
    assertThat(failure.getTextContent())
        .contains("src/acme/__init__.py:3: __version__ = '1.1.0'")
        .contains("fix: change src/acme/__init__.py:3 to '1.2.0'")
        .contains("id: src/acme/__init__.py:3");
    Element waived = testcase(doc, "licenses");
    assertThat(((Element) waived.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .startsWith("waived: ");
    assertThat(waived.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("waived until 2027-01-31 by release-policy.yaml:9: replaced in 2.0 <see #12>");
    Element warned = testcase(doc, "version-pep440");
    assertThat(warned.getElementsByTagName("failure").getLength()).isZero();
    assertThat(warned.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("WARNING: '1.0-RC1' is valid");
  }

  @Test
  void warningsFailTheTestcaseWhenTheCheckFailsOnWarnings() throws Exception {
    Document doc =
        parse(JunitReport.render(new Report(SampleEvaluation.create(), "p", Level.WARNING, "1")));

    assertThat(testcase(doc, "version-pep440").getElementsByTagName("failure").getLength())
        .isEqualTo(1);
    assertThat(((Element) doc.getElementsByTagName("testsuites").item(0)).getAttribute("failures"))
        .isEqualTo("2");
  }

  @Test
  void controlCharactersAndMarkupInMessagesStayWellFormed() throws Exception {
    Finding nasty =
        Finding.of(
            "k\u0001",
            "a <b>bold</b> & \"quoted\" \u0000\u001b[31m value ]]>",
            List.of(new Evidence("a&b.py", 1, "x = '\u0007'")),
            null);
    Evaluation evaluation =
        new Evaluation(
            "n<&>",
            "1",
            ".",
            List.of(
                new RuleResult(
                    "r",
                    Stage.SOURCE,
                    "d",
                    Level.ERROR,
                    Outcome.FAILED,
                    "s\u0002",
                    List.of(new RuleResult.LeveledFinding(nasty, Level.ERROR)))));

    Document doc = parse(JunitReport.render(new Report(evaluation, "p", Level.ERROR, "1")));

    assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
        .contains("a <b>bold</b> & \"quoted\" \uFFFD\uFFFD[31m value ]]>")
        .contains("a&b.py:1");
  }
}
