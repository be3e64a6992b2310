package io.github.pyrelease.report;

import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI dashboards read it (Jenkins, GitLab, GitHub test reporters): one testsuite, one
 * testcase per evaluated rule named after it, with its stage as the class; a rule that fails the
 * check is a {@code <failure>} whose text holds every finding with evidence and fix; skipped and
 * waived rules are {@code <skipped>}; warnings and info of a passing rule go to {@code
 * <system-out>}.
 */
public final class JunitReport {

  /** Looking the factory up scans the class path: once is enough, and it is thread-safe. */
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private JunitReport() {}

  public static String render(Report report) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      List<RuleResult> results = report.results();
      long failures = results.stream().filter(report::fails).count();
      long skipped =
          results.stream()
              .filter(r -> r.outcome() == Outcome.SKIPPED || r.outcome() == Outcome.WAIVED)
              .count();
      xml.writeStartElement("testsuites");
      counts(xml, "pyrelease", results.size(), failures, skipped);
      newline(xml, 1);
      xml.writeStartElement("testsuite");
      counts(xml, "pyrelease " + clean(report.project()), results.size(), failures, skipped);
      newline(xml, 2);
      xml.writeStartElement("properties");
      property(xml, "policy", report.policy());
      property(xml, "failOn", report.failOn().id());
      property(xml, "projectDir", report.evaluation().projectDir());
      property(xml, "pyrelease", report.toolVersion());
      newline(xml, 2);
      xml.writeEndElement();
      for (RuleResult result : results) {
        newline(xml, 2);
        testcase(xml, report, result);
      }
      newline(xml, 1);
      xml.writeEndElement();
      newline(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    return out + "\n";
  }

  private static void counts(
      XMLStreamWriter xml, String name, int tests, long failures, long skipped)
      throws XMLStreamException {
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", String.valueOf(skipped));
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    newline(xml, 3);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(String.valueOf(value)));
  }

  private static void testcase(XMLStreamWriter xml, Report report, RuleResult result)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "pyrelease." + result.stage().id());
    xml.writeAttribute("name", result.ruleId());
    String details = details(result);
    if (report.fails(result)) {
      newline(xml, 3);
      xml.writeStartElement("failure");
      xml.writeAttribute("message", clean(result.summary()));
      xml.writeAttribute("type", result.outcome().id());
      xml.writeCharacters(clean(details));
      xml.writeEndElement();
    } else if (result.outcome() == Outcome.SKIPPED || result.outcome() == Outcome.WAIVED) {
      newline(xml, 3);
      xml.writeEmptyElement("skipped");
      xml.writeAttribute(
          "message",
          clean((result.outcome() == Outcome.WAIVED ? "waived: " : "") + result.summary()));
    }
    if (!report.fails(result)) {
      newline(xml, 3);
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(result.summary() + (details.isEmpty() ? "" : "\n" + details)));
      xml.writeEndElement();
    }
    newline(xml, 2);
    xml.writeEndElement();
  }

  /** Every finding of the rule with its evidence, fix or waiver, and id, as the console shows. */
  private static String details(RuleResult result) {
    StringBuilder text = new StringBuilder();
    for (LeveledFinding finding : result.findings()) {
      text.append(
          finding.waived() ? "WAIVED" : finding.level().id().toUpperCase(java.util.Locale.ROOT));
      text.append(": ").append(finding.finding().message()).append('\n');
      finding.finding().evidence().forEach(e -> text.append("  ").append(e).append('\n'));
      if (finding.waived()) {
        text.append("  waived until ")
            .append(finding.waiver().until())
            .append(" by ")
            .append(finding.waiver().location())
            .append(": ")
            .append(finding.waiver().reason())
            .append('\n');
      } else if (finding.finding().fix() != null) {
        text.append("  fix: ").append(finding.finding().fix()).append('\n');
      }
      text.append("  id: ").append(finding.finding().key()).append('\n');
    }
    return text.toString();
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  /** XML 1.0 cannot hold most control characters, even escaped: they become U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              out.appendCodePoint(allowed ? c : 0xFFFD);
            });
    return out.toString();
  }
}
