// Both multi-locale sites were built and checked, in parallel, without thread-safety warnings.
def log = new File(basedir, 'build.log').text

assert log.contains('MultiThreadedBuilder') : 'the build did not run with -T 2'
assert !log.contains('not marked as @threadSafe') : 'a goal is not thread-safe'
assert !log.contains('not marked as thread-safe') : 'a goal is not thread-safe'

for (site in ['public-site': ['en', 'fr', 'de'], 'partner-site': ['en', 'de']]) {
    def out = new File(basedir, site.key + '/target/privacy-site')
    for (locale in site.value) {
        def page = new File(out, locale + '/privacy/index.html')
        assert page.isFile() : "missing ${page}"
        assert page.getText('UTF-8').contains('lang="' + locale + '"') : "${page} is not in ${locale}"
    }
    assert !new File(out, 'fr/privacy/index.html').exists() || site.key == 'public-site'
}
assert new File(basedir, 'public-site/target/privacy-site/fr/privacy/index.html').getText('UTF-8').contains('Politique de confidentialité')
assert new File(basedir, 'public-site/target/privacy-site/de/privacy/index.html').getText('UTF-8').contains('30 Tage')

// check ran in both modules and passed; the public site wrote its translation status page.
assert (log =~ /Privacy site check passed: 3 pages/).find()
assert (log =~ /Privacy site check passed: 2 pages/).find()
def status = new File(basedir, 'public-site/target/privacy-site-reports/translation-status.html')
assert status.isFile() : 'reportDirectory: no translation-status.html'
assert status.getText('UTF-8').contains('Translation status')
assert new File(basedir, 'public-site/target/privacy-site-reports/status.css').isFile()
return true
