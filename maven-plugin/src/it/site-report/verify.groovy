def site = new File(basedir, 'target/site')

// The report page, with documents x locales and the missing German clause.
def report = new File(site, 'translation-status.html')
assert report.isFile() : "no report page ${report}"
def html = report.getText('UTF-8')
assert html.contains('Translation status')
assert html.contains('Privacy Policy (privacy)')
assert html.contains('1 ok, 1 missing') : 'the German cell should count the missing clause'
assert html.contains('2 ok') : 'the French cell should be complete'
assert html.contains('retention') && html.contains('missing')
assert html.contains('href="privacy/index.html"')

// Listed among the project reports.
def reports = new File(site, 'project-reports.html')
assert reports.isFile()
assert reports.getText('UTF-8').contains('translation-status.html')

// The privacy site itself, under the Maven site.
for (locale in ['en', 'fr', 'de']) {
    assert new File(site, "privacy/${locale}/privacy/index.html").isFile() : "no privacy/${locale} in the Maven site"
}
assert new File(site, 'privacy/index.html').isFile()
assert new File(site, 'privacy/assets/site.css').isFile()
// ...the same site `generate` writes (built by the report, since nothing was built before).
assert new File(basedir, 'target/privacy-site/en/privacy/index.html').isFile()
return true
