// The first run (Maven's JVM at its defaults) is told which settings to give Maven's JVM; the second (a collector
// chosen) is not. Both publish the 1,000 pages.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/privacy-site/ja/policy-100/index.html').isFile()
assert log.count('Built 1000 pages into') == 2 : 'two runs, each publishing 1,000 pages'
assert !log.contains('warning:') : 'the site is clean: the only warning is the advice'

def advice = log.readLines().findAll { it.contains('put this line in the project\'s .mvn/jvm.config') }
assert advice.size() == 1 : "one run at the JVM's defaults, one with a collector chosen: ${advice}"
assert advice[0].startsWith('[WARNING] ')
assert advice[0].contains('a site of 1000 pages')
assert advice[0].endsWith('-XX:+UseSerialGC -Xms256m -Xmn64m -XX:MinHeapFreeRatio=20 -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1')
assert log.indexOf(advice[0]) < log.lastIndexOf('Built 1000 pages into') : 'the advice comes from the first run'

// The README's "Large sites" gives the same line.
def pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(basedir, 'pom.xml'))
def readme = new File(pom.documentElement.getElementsByTagName('it.readme').item(0).textContent.trim()).getText('UTF-8')
def line = advice[0].substring(advice[0].indexOf('-XX:'))
assert readme.contains('    ' + line + '\n') : "README.md does not give the line the warning gives: ${line}"
return true
