// The README test: runs every command block of README.md, and fails when one fails, so that the README's
// commands cannot drift from the product again (`-Dlocale=fr` once failed where `-DprivacySite.locale=fr` works).
//
// Why an invoker IT and not a generator-core test: the commands need the packaged CLI jar and the plugin
// installed in a repository, which exist only after the reactor's package phase; here (maven-plugin's verify
// phase) both are there, and the invoker has put the plugin into target/local-repo. No `mvn verify` of this
// repository runs inside `mvn verify`: the blocks that would (or that need the network, or run until Ctrl-C)
// carry `<!-- not run: reason -->` in the README, and this test checks that each gives its reason.
//
// A command block is an indented code block, or a ```sh / ```bash / ```shell fence. The HTML comment on the
// line before it (blank lines between are fine) says where it runs:
//   (none) or <!-- README test: run in the repository -->: in a copy of content/ and templates/ beside
//       generator-core/target/privacy-site.jar, as in a clone after `mvn package`;
//   <!-- README test: run in the sample project -->: in a project whose pom.xml is the README's ```xml block
//       marked <!-- README test: the sample project's pom.xml -->, with this repository's content/ and templates/;
//   <!-- not run: reason -->: not run.
// `mvn` is the Maven running this build, with the ITs' settings and local repository.

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.concurrent.TimeUnit

// (javax.xml rather than Groovy's XmlSlurper: the invoker's Groovy comes without groovy-xml.)
def parseXml = { String xml ->
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes('UTF-8'))).documentElement
}
def property = { String name -> parseXml(new File(basedir, 'pom.xml').getText('UTF-8')).getElementsByTagName(name).item(0).textContent.trim() }
File repository = new File(property('readme.repository')).canonicalFile
String version = property('readme.version')
String outerRepository = property('readme.outerRepository')
boolean offline = property('readme.offline') == 'true'
File readme = new File(repository, 'README.md')
assert readme.isFile() : "no ${readme}"

// ---- The README's blocks ----------------------------------------------------------------------------
def lines = readme.readLines('UTF-8')
def blocks = []   // [line, kind ('commands' or 'xml'), marker, text]
String marker = null
int i = 0
while (i < lines.size()) {
    String line = lines[i]
    def comment = line =~ /^<!--\s*(.*?)\s*-->\s*$/
    if (comment.matches()) {
        marker = comment.group(1)
        i++
        continue
    }
    if (line.startsWith('```')) {
        String info = line.substring(3).trim()
        int start = i + 1
        def body = []
        i++
        while (i < lines.size() && !lines[i].startsWith('```')) {
            body << lines[i++]
        }
        i++
        if (info in ['sh', 'bash', 'shell']) {
            blocks << [line: start + 1, kind: 'commands', marker: marker, text: body.join('\n')]
        } else if (info == 'xml') {
            blocks << [line: start + 1, kind: 'xml', marker: marker, text: body.join('\n')]
        }
        marker = null
        continue
    }
    if (line.startsWith('    ') && (i == 0 || lines[i - 1].trim().isEmpty())) {
        int start = i
        def body = []
        while (i < lines.size() && (lines[i].startsWith('    ') || lines[i].trim().isEmpty() && i + 1 < lines.size()
                && lines[i + 1].startsWith('    '))) {
            body << (lines[i].length() >= 4 ? lines[i].substring(4) : '')
            i++
        }
        blocks << [line: start + 1, kind: 'commands', marker: marker, text: body.join('\n')]
        marker = null
        continue
    }
    if (!line.trim().isEmpty()) {
        marker = null // a marker belongs to the block right after it
    }
    i++
}

def problems = []
def commandBlocks = blocks.findAll { it.kind == 'commands' }
for (block in commandBlocks.findAll { it.marker?.startsWith('not run') }) {
    def reason = (block.marker =~ /^not run:\s*(.*)$/)
    if (!reason.matches() || reason.group(1).split(/\s+/).length < 3) {
        problems << "README.md:${block.line}: a block that is not run must say why: <!-- not run: reason --> (found '${block.marker}')"
    }
}
def unknown = commandBlocks.findAll { it.marker && !it.marker.startsWith('not run') && !(it.marker in [
        'README test: run in the repository', 'README test: run in the sample project']) }
unknown.each { problems << "README.md:${it.line}: unknown marker '${it.marker}' before a command block" }
def pomBlocks = blocks.findAll { it.kind == 'xml' && it.marker == "README test: the sample project's pom.xml" }
assert pomBlocks.size() == 1 : "README.md needs exactly one ```xml block marked as the sample project's pom.xml, found ${pomBlocks.size()}"
String samplePom = pomBlocks[0].text
def plugins = parseXml(samplePom).getElementsByTagName('plugin')
def versions = (0..<plugins.length).collect { plugins.item(it) }
        .findAll { it.getElementsByTagName('artifactId').item(0).textContent.trim() == 'privacy-site-maven-plugin' }
        .collect { it.getElementsByTagName('version').item(0).textContent.trim() }
assert !versions.isEmpty() && versions.every { it == version } :
        "README.md:${pomBlocks[0].line}: the pom.xml snippet declares the plugin in version(s) ${versions}; the plugin is ${version}"

// ---- Where they run -----------------------------------------------------------------------------------
File work = new File(basedir, 'readme')
File clone = new File(work, 'repository')
File sample = new File(work, 'sample-project')
File bin = new File(work, 'bin')
def copyTree = { File from, File to ->
    Path source = from.toPath()
    Files.walk(source).withCloseable { paths ->
        paths.forEach { Path path ->
            Path target = to.toPath().resolve(source.relativize(path).toString())
            if (Files.isDirectory(path)) {
                Files.createDirectories(target)
            } else {
                Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}
work.deleteDir()
for (dir in [clone, sample]) {
    copyTree(new File(repository, 'content'), new File(dir, 'content'))
    copyTree(new File(repository, 'templates'), new File(dir, 'templates'))
}
File jar = new File(repository, 'generator-core/target/privacy-site.jar')
assert jar.isFile() : "no ${jar}: the README test runs after generator-core's package phase"
new File(clone, 'generator-core/target').mkdirs()
Files.copy(jar.toPath(), new File(clone, 'generator-core/target/privacy-site.jar').toPath())
new File(sample, 'pom.xml').setText(samplePom, 'UTF-8')

// `mvn` on the PATH: this build's Maven, the ITs' settings (the outer local repository first, then Maven
// Central) and their local repository, where the invoker installed the plugin.
File settings = new File(work, 'settings.xml')
settings.setText(new File(repository, 'maven-plugin/src/it/settings.xml').getText('UTF-8')
        .replace('@localRepositoryUrl@', outerRepository), 'UTF-8')
bin.mkdirs()
File mvn = new File(bin, 'mvn')
mvn.setText("""#!/bin/sh
exec '${System.getProperty('maven.home')}/bin/mvn' -s '${settings}' -Dmaven.repo.local='${localRepositoryPath}' ${offline ? '-o -Daether.offline.protocols=file' : ''} "\$@"
""", 'UTF-8')
mvn.setExecutable(true)

// ---- Run them -----------------------------------------------------------------------------------------
int ran = 0
def ranIn = [repository: 0, sample: 0]
for (block in commandBlocks.findAll { !it.marker?.startsWith('not run') }) {
    boolean inSample = block.marker == 'README test: run in the sample project'
    File dir = inSample ? sample : clone
    File log = new File(work, "README-${block.line}.log")
    def process = new ProcessBuilder('bash', '-e', '-o', 'pipefail', '-c', block.text)
            .directory(dir).redirectErrorStream(true).redirectOutput(log)
    process.environment().put('PATH', "${bin}:${System.getProperty('java.home')}/bin:${System.getenv('PATH')}".toString())
    process.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC')
    process.environment().remove('MAVEN_ARGS')
    println "README.md:${block.line}: running in ${dir.name}: ${block.text.readLines().join(' && ')}"
    def started = process.start()
    // A hang guard, not a timing test: no README command takes minutes on the sample content.
    if (!started.waitFor(10, TimeUnit.MINUTES)) {
        started.destroyForcibly()
        problems << "README.md:${block.line}: still running after 10 minutes: ${block.text}"
        continue
    }
    ran++
    ranIn[inSample ? 'sample' : 'repository']++
    if (started.exitValue() != 0) {
        def tail = log.readLines('UTF-8').takeRight(40).join('\n')
        problems << "README.md:${block.line}: exit code ${started.exitValue()} from:\n${block.text}\n--- last lines of ${log}:\n${tail}"
    }
}
assert problems.isEmpty() : problems.join('\n\n')
assert ranIn.sample >= 1 && ranIn.repository >= 1 : "too few README blocks ran: ${ranIn}"

// What the blocks claim, beyond their exit codes.
assert new File(sample, 'target/privacy-site/fr/privacy/index.html').isFile() : 'mvn verify in the sample project built no site'
assert new File(sample, 'target/site/translation-status.html').isFile() : 'mvn site in the sample project wrote no report'
assert new File(sample, 'content/.translated/fr/privacy.yaml').isFile() : 'mark-translated recorded nothing for fr'
assert new File(clone, 'public/fr/privacy/index.html').isFile() : 'the CLI check --out published nothing'
assert new File(clone, 'reports/TEST-privacy-site.xml').isFile() : 'the CLI check --report-dir wrote no JUnit report'
println "README test: ${ran} command blocks ran (${ranIn}), ${commandBlocks.size() - ran} marked not run."
return true
