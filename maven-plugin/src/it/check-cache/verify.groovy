// The CI path of issue #21: `check` with an outputDirectory checks and publishes in one pass, and keeps a build
// cache in target/privacy-site-cache. After the invoker's first `mvn verify` (a full check: the cache is empty),
// this script edits one clause of one policy and runs Maven again, as a CI job on the next commit would:
//   2. with the cache: only the edited document's pages are written anew; the others are the previous files;
//   3. in a fresh copy of the project with -DprivacySite.cache=false: the site must be the same, byte for byte;
//   4. with a link to nowhere: the build fails, the published site and the cache stay as they were;
//   5. with a damaged cache: a Maven warning says so, everything is checked again, the site is still the same;
//   6. generate: the site check published is the one generate would write, so it is up to date.

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.Arrays
import java.util.concurrent.TimeUnit

def parseXml = { File file ->
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).documentElement
}
def property = { String name -> parseXml(new File(basedir, 'pom.xml')).getElementsByTagName(name).item(0).textContent.trim() }

// ---- Maven again, as the invoker runs it: this Maven, the ITs' settings and local repository ------------------
File settings = new File(basedir, 'it-settings.xml')
settings.setText(new File(property('it.settings')).getText('UTF-8').replace('@localRepositoryUrl@', property('it.outerRepository')), 'UTF-8')
boolean offline = property('it.offline') == 'true'
int runs = 1
def mvn = { File project, List<String> arguments, int exitCode = 0 ->
    File log = new File(basedir, "build-${++runs}.log")
    def command = ["${System.getProperty('maven.home')}/bin/mvn".toString(), '-B', '-s', settings.path,
                   "-Dmaven.repo.local=${localRepositoryPath}".toString()] + (offline ? ['-o', '-Daether.offline.protocols=file'] : []) + arguments
    def builder = new ProcessBuilder(command).directory(project).redirectErrorStream(true).redirectOutput(log)
    builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
    builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m')
    builder.environment().remove('MAVEN_ARGS')
    def process = builder.start()
    // A hang guard, not a timing test.
    assert process.waitFor(10, TimeUnit.MINUTES) : "mvn ${arguments} still running after 10 minutes, see ${log}"
    String text = log.getText('UTF-8')
    assert process.exitValue() == exitCode : "mvn ${arguments} in ${project}: exit code ${process.exitValue()}:\n" +
            text.readLines().takeRight(40).join('\n')
    text
}

File out = new File(basedir, 'target/privacy-site')
def inode = { String page -> Files.getAttribute(new File(out, page).toPath(), 'unix:ino') }
/** Every file of a site (the hidden build stamp too), by path, as the SHA-256 of its bytes. */
def snapshot = { File site ->
    Path root = site.toPath()
    Files.walk(root).withCloseable { paths ->
        paths.filter { Files.isRegularFile(it) }.collect { Path file ->
            [root.relativize(file).toString(), MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()]
        }.collectEntries().sort()
    }
}
def cacheFiles = { File project -> (new File(project, 'target/privacy-site-cache').listFiles() ?: []) as List }

// ---- 1. The invoker's mvn verify: checked and published, no generate, a cache written --------------------------
String first = new File(basedir, 'build.log').getText('UTF-8')
assert first.contains('Privacy site check passed: 4 pages') : 'the first check did not pass'
assert first =~ /Built 4 pages into .*target.privacy-site/ : 'the check did not say where it published'
assert new File(out, 'fr/terms/index.html').isFile() : 'check with outputDirectory published no site'
assert cacheFiles(basedir).size() == 1 : "no build cache in target/privacy-site-cache: ${cacheFiles(basedir)}"
def untouched = inode('en/terms/index.html')
def frenchUntouched = inode('fr/terms/index.html')
def edited = inode('en/privacy/index.html')

// ---- 2. One clause edited: only its document's pages are written anew ---------------------------------------
File policy = new File(basedir, 'content/en/privacy.md')
String source = policy.getText('UTF-8')
String clause = 'We collect your e-mail address and nothing else.'
assert source.contains(clause)
policy.setText(source.replace(clause, 'We collect your e-mail address and your name, nothing else.'), 'UTF-8')
String second = mvn(basedir, ['verify'])
assert second.contains('Privacy site check passed: 4 pages') : second
assert !second.contains('[WARNING] the build cache') : second
assert new File(out, 'en/privacy/index.html').getText('UTF-8').contains('your e-mail address and your name')
assert inode('en/privacy/index.html') != edited : 'the edited page was not written anew'
assert inode('en/terms/index.html') == untouched : 'an unchanged page was written again: the build cache was not used'
assert inode('fr/terms/index.html') == frenchUntouched : 'an unchanged page was written again: the build cache was not used'

// ---- 3. The same sources, a fresh copy of the project, no cache: the same site, byte for byte ------------------
File clean = new File(basedir, 'clean-copy')
clean.deleteDir()
clean.mkdirs()
new File(clean, '.mvn').mkdir() // as the invoker does: Maven does not look above the project for its .mvn
Files.copy(new File(basedir, 'pom.xml').toPath(), new File(clean, 'pom.xml').toPath())
Path sources = new File(basedir, 'content').toPath()
Files.walk(sources).withCloseable { paths ->
    paths.forEach { Path path -> Files.copy(path, clean.toPath().resolve('content').resolve(sources.relativize(path).toString())) }
}
String third = mvn(clean, ['verify', '-DprivacySite.cache=false'])
assert third.contains('Privacy site check passed: 4 pages') : third
assert cacheFiles(clean).isEmpty() : 'privacySite.cache=false still wrote a build cache'
def expected = snapshot(new File(clean, 'target/privacy-site'))
assert expected.containsKey('en/privacy/index.html') && expected.size() > 4 : expected
assert snapshot(out) == expected : 'the site built with the cache differs from a clean build'

// ---- 4. A link to nowhere (that the translation lacks, too): the check fails, the published site and the cache stay as they were ----------------------
String fixed = policy.getText('UTF-8')
policy.setText(fixed.replace('and your name, nothing else.', 'and your name, nothing else ([details](../nowhere/)).'), 'UTF-8')
def cacheBefore = cacheFiles(basedir)[0].bytes
String failed = mvn(basedir, ['verify'], 1)
assert failed.contains('Privacy site check failed') && failed =~ /the previous output in .*target.privacy-site was left as it was/ : failed
assert snapshot(out) == expected : 'a failed check changed the published site'
assert Arrays.equals(cacheFiles(basedir)[0].bytes, cacheBefore) : 'a failed check changed the build cache'
policy.setText(fixed, 'UTF-8')

// ---- 5. A damaged cache: a Maven warning, never trusted, the same site ----------------------------------------
File cache = cacheFiles(basedir)[0]
cache.bytes = [1, 2, 3] as byte[]
String damaged = mvn(basedir, ['verify'])
assert damaged =~ /\[WARNING\] the build cache .* is damaged/ : 'a damaged cache gave no warning in the Maven log'
assert damaged.contains('Privacy site check passed: 4 pages') : damaged
assert snapshot(out) == expected : 'the site built after a damaged cache differs from a clean build'
assert cache.length() > 3 : 'the damaged cache was not rewritten'

// ---- 6. The published site is generate's: generate (and so the translation-status report) finds it up to date -
String generate = mvn(basedir, ['privacy-site:generate'])
assert generate.contains('Privacy site is up to date') : generate
return true
