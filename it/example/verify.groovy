// The bundled example passes the gate under the built-in default policy: the sources, then the
// wheel and sdist hatchling builds, which pass every dist rule. Every report file is written and
// valid: report.json against pyrelease's schema, report.sarif against SARIF 2.1.0, report.xml as
// XML, report.html as a page that fetches nothing. The reports add up over the build: check-dist,
// the last goal to run, writes the sources' results beside its own.
import com.networknt.schema.SchemaRegistry
import com.networknt.schema.SpecificationVersion
import com.fasterxml.jackson.databind.ObjectMapper

def log = new File(basedir, 'build.log').text
assert log.contains('built-in default policy')
assert log.contains('PASS  version-pep440       both version sources hold normalised PEP 440 versions')
assert log.contains('PASS  version-consistent   both version sources declare 1.4.0')
assert log.contains('PASS  changelog-entry      CHANGELOG.md:9 has a section for 1.4.0')
assert log.contains('backend hatchling.build, front end pyrelease')
assert log.contains('built acme_greeter-1.4.0.tar.gz and acme_greeter-1.4.0-py3-none-any.whl')
assert log.contains('PASS  dist-filename        file names of 2 distributions are valid')
assert log.contains('PASS  dist-metadata        core metadata of 2 distributions are valid')
assert log.contains('PASS  dist-record          RECORD files of acme_greeter-1.4.0-py3-none-any.whl are valid')
assert log.contains('PASS  dist-contents        contents of 2 distributions are valid')
assert log =~ /PASS  secrets-source +no secrets in the work tree/
assert log =~ /PASS  secrets +no secrets in 2 distributions in target\/dist/
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/dist/acme_greeter-1.4.0-py3-none-any.whl').isFile()
assert new File(basedir, 'target/dist/acme_greeter-1.4.0.tar.gz').isFile()

def out = new File(basedir, 'target/pyrelease')
def report = new groovy.json.JsonSlurper().parse(new File(out, 'report.json'))
assert report.project.name == 'acme-greeter'
assert report.project.version == '1.4.0'
assert report.policy == 'built-in default policy'
assert report.summary.failed == 0
assert report.summary.passed == 9
assert report.results*.rule == ['version-pep440', 'version-consistent', 'changelog-entry',
    'dist-filename', 'dist-metadata', 'dist-record', 'dist-contents', 'pinned', 'licenses',
    'project-license', 'vulnerabilities', 'secrets-source', 'secrets']
// the audit (pyrelease:audit, verify) runs against it/support/osv: the example has no dependencies
def audit = report.results.find { it.rule == 'vulnerabilities' }
assert audit.outcome == 'skipped' && audit.summary == 'the project has no dependencies to audit'
assert new File(out, 'report.txt').text.contains('13 rules: 9 passed, 0 failed, 1 warnings')

def root = new File(basedir, '../../../..').canonicalFile
def json = new ObjectMapper()
def validate = { File schemaFile, SpecificationVersion version, File document ->
  def schema = schemaFile.withInputStream { SchemaRegistry.withDefaultDialect(version).getSchema(it) }
  def errors = schema.validate(json.readTree(document)) { ctx -> ctx.executionConfig { c -> c.formatAssertionsEnabled(true) } }
  assert errors.isEmpty() : "${document.name}: ${errors}"
}
validate(new File(root, 'policy-rules/src/main/resources/io/github/pyrelease/report/report-1.schema.json'),
    SpecificationVersion.DRAFT_2020_12, new File(out, 'report.json'))
validate(new File(root, 'policy-rules/src/test/resources/io/github/pyrelease/report/sarif-schema-2.1.0.json'),
    SpecificationVersion.DRAFT_7, new File(out, 'report.sarif'))

def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'report.xml'))
assert junit.testsuite.testcase.size() == 13
assert junit.@failures == '0'
def html = new File(out, 'report.html').text
assert html.contains('<strong id="verdict">PASSED</strong>')
assert html.contains("default-src 'none'")
return true
