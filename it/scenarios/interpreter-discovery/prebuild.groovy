// The project's own .venv sees the system's packages (flit_core among them); python3 on the PATH
// (invoker.properties) runs a bare virtual environment that has no build backend at all.
def run = { List<String> command ->
  def process = new ProcessBuilder(command).redirectErrorStream(true).start()
  def output = process.inputStream.text
  process.waitFor()
  [process.exitValue(), output]
}
def (venvCode, venvOut) = run([python, '-m', 'venv', '--system-site-packages', '--without-pip', new File(basedir, '.venv').path])
assert venvCode == 0 : venvOut
def bare = new File(basedir, 'target/bare-venv')
def (bareCode, bareOut) = run([python, '-m', 'venv', '--without-pip', bare.path])
assert bareCode == 0 : bareOut
def bin = new File(basedir, 'target/path-bin')
bin.mkdirs()
def python3 = new File(bin, 'python3')
python3.text = "#!/bin/sh\nexec '${bare}/bin/python' \"\$@\"\n"
python3.setExecutable(true)
// The scenario means something only if the PATH's python3 lacks the backend and .venv has it.
assert run([python3.path, '-c', 'import flit_core'])[0] != 0
assert run([new File(basedir, '.venv/bin/python').path, '-c', 'import flit_core'])[0] == 0
return true
