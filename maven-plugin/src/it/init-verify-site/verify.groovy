// From a pom alone to a published site: init, verify (passes, with the placeholders as warnings), site.
def log = new File(basedir, 'build.log').getText('UTF-8')
def content = new File(basedir, 'content')

// init wrote the sources, and no templates: the built-in theme serves.
assert new File(content, 'site.yaml').getText('UTF-8').contains('locales: [en, fr, de]')
def cookies = new File(content, 'cookies.yaml').getText('UTF-8')
assert cookies.contains('storageName: consent') && cookies.contains('- name: consent')
assert cookies.count('- name:') == 1 : 'only the consent cookie'
for (locale in ['en', 'fr', 'de']) {
    for (file in ['privacy.md', 'cookies.md', 'messages.yaml']) {
        assert new File(content, "${locale}/${file}").isFile() : "init did not write ${locale}/${file}"
    }
}
assert new File(content, 'fr/privacy.md').getText('UTF-8').contains('Politique de confidentialité')
assert new File(content, 'de/cookies.md').getText('UTF-8').contains('Cookie-Richtlinie')
assert !new File(basedir, 'templates').exists()

// verify passed with a warning for each placeholder, at its file:line:col.
assert log =~ /content[\/\\]en[\/\\]privacy\.md:13:1: warning: placeholder 'TODO\(legal\): give your full legal name/
assert log =~ /content[\/\\]fr[\/\\]privacy\.md:\d+:1: warning: placeholder 'TODO\(legal\): /
assert log.contains('[content.placeholder]')
assert log =~ /Privacy site check passed: 6 pages, 0 errors, 27 warnings/

// The site, in the three locales, with the consent cookie in the cookie table.
def out = new File(basedir, 'target/privacy-site')
for (locale in ['en', 'fr', 'de']) {
    for (document in ['privacy', 'cookies']) {
        assert new File(out, "${locale}/${document}/index.html").isFile() : "no ${locale}/${document} page"
    }
}
def cookiePage = new File(out, 'de/cookies/index.html').getText('UTF-8')
assert cookiePage.contains('<html lang="de"')
assert cookiePage.contains('>consent<') : 'the cookie table lists the consent cookie'
assert new File(out, 'assets/site.css').isFile()

// mvn site: the report and the privacy site under the Maven site.
def site = new File(basedir, 'target/site')
assert new File(site, 'translation-status.html').getText('UTF-8').contains('Translation status')
assert new File(site, 'privacy/fr/privacy/index.html').isFile()

// The second init left every file alone.
def second = log.substring(log.lastIndexOf('privacy-site-maven-plugin'))
assert second.contains('as it was: it exists already')
assert second.contains('Nothing written: every file of the skeleton exists already.')
assert !second.contains('Wrote ')
return true
