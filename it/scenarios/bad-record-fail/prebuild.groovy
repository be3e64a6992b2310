// Writes target/dist/tampered-1.0.0-py3-none-any.whl as a backend would, then "edits" the module
// after RECORD was written: RECORD keeps the hash and size of the original content.
import java.security.MessageDigest
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def b64 = { byte[] bytes -> Base64.urlEncoder.withoutPadding().encodeToString(MessageDigest.getInstance('SHA-256').digest(bytes)) }
def original = '__version__ = "1.0.0"\n'.getBytes('UTF-8')
def edited = '__version__ = "1.0.0"\nDEBUG = True\n'.getBytes('UTF-8')
def files = [
  'tampered/__init__.py': original,
  'tampered-1.0.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: tampered\nVersion: 1.0.0\nSummary: An integration-test project.\nDescription-Content-Type: text/markdown\n\n# tampered\n'.getBytes('UTF-8'),
  'tampered-1.0.0.dist-info/WHEEL': 'Wheel-Version: 1.0\nGenerator: setup.groovy\nRoot-Is-Purelib: true\nTag: py3-none-any\n'.getBytes('UTF-8'),
]
def record = files.collect { name, bytes -> "${name},sha256=${b64(bytes)},${bytes.length}" }.join('\n') + '\ntampered-1.0.0.dist-info/RECORD,,\n'
files['tampered/__init__.py'] = edited
files['tampered-1.0.0.dist-info/RECORD'] = record.getBytes('UTF-8')
def dist = new File(basedir, 'target/dist')
dist.mkdirs()
new ZipOutputStream(new FileOutputStream(new File(dist, 'tampered-1.0.0-py3-none-any.whl'))).withCloseable { zip ->
  files.each { name, bytes -> zip.putNextEntry(new ZipEntry(name)); zip.write(bytes); zip.closeEntry() }
}
return true
