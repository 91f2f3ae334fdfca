// A one-locale site is built and checked; `privacy-site:help -Ddetail` documents the parameters.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/privacy-site')

def page = new File(out, 'en/privacy/index.html')
assert page.isFile() : "missing ${page}"
def html = page.getText('UTF-8')
assert html.contains('Example Ltd explains here how it handles your personal data.')
assert html.contains('30 days')
assert new File(out, 'index.html').isFile()
assert new File(out, 'sitemap.xml').isFile()
assert !new File(out, 'fr').exists()

assert log.contains('Built 1 pages into')
assert log.contains('Privacy site check passed: 1 pages, 0 errors, 0 warnings.')

// The help goal explains every goal and parameter (Javadoc in the plugin descriptor).
for (goal in ['privacy-site:generate', 'privacy-site:check', 'privacy-site:mark-translated', 'privacy-site:import',
              'privacy-site:translation-status', 'privacy-site:help']) {
    assert log.contains(goal) : "help does not list ${goal}"
}
for (parameter in ['contentDirectory', 'templatesDirectory', 'outputDirectory', 'locales', 'baseUrl',
                   'strict', 'skip', 'reportDirectory', 'externalLinks', 'locale', 'document', 'importSource',
                   'localeMap']) {
    assert log.contains(parameter) : "help does not explain ${parameter}"
}
assert log.contains('User property: privacySite.strict')
assert log.contains('Fail on warnings too')
return true
