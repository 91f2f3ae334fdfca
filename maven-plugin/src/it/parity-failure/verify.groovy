// The build failed in check (not in generate), and the failure names the file, line and column.
def log = new File(basedir, 'build.log').text

def expected = ~/content\/fr\/privacy\.md:\d+:\d+: error: clause 'retention' \("Retention"\) is missing \(present in en\) \[parity\.clause-missing\]/
assert (log =~ expected).find() : "no file:line:col message for the missing clause in build.log:\n${log}"
assert log.contains('Privacy site check failed: 1 error, 0 warnings')
assert log.contains('privacy-site-maven-plugin') && log.contains(':check')
// generate (package) succeeded before check (verify) failed: a missing clause does not block the build.
assert new File(basedir, 'target/privacy-site/fr/privacy/index.html').isFile()
// -q: nothing at INFO level.
assert !log.contains('[INFO]')
return true
