// -DprivacySite.asOf decides which version is in force, for generate and check alike (see invoker.properties).
def log = new File(basedir, 'build.log').getText('UTF-8')
def read = { String path -> new File(basedir, path).getText('UTF-8') }

// 1. On 2026-06-01: the version in force, with a notice of the change; fr is its complete translation.
def en = read('target/privacy-site/en/privacy/index.html')
assert en.contains('one year') && !en.contains('Transfers') : 'the upcoming clause is not in force yet'
assert en.contains('This policy changes on January 1, 2030') : 'the upcoming notice'
assert new File(basedir, 'target/privacy-site/en/privacy/versions/2030-01-01/index.html').isFile() : 'the upcoming text'
def fr = read('target/privacy-site/fr/privacy/index.html')
assert fr.contains('un an') && !fr.contains('fallback-notice') : 'fr is the translation of the version in force'
assert log.contains('[history.upcoming-untranslated]') : 'the warning that the new version has no fr translation yet'
assert log.contains('Privacy site check passed') : 'a translation one version behind an upcoming one passes'
assert !log.contains('[parity.clause-missing]') : 'fr is compared with the en text of its own version'

// 2. On 2030-01-01: the new version is in force; fr falls back to it in English, its own text is archived.
def en2030 = read('target/in-2030/en/privacy/index.html')
assert en2030.contains('Transfers') && !en2030.contains('This policy changes on') : en2030
assert new File(basedir, 'target/in-2030/en/privacy/versions/2026-01-01/index.html').isFile() : 'the earlier version'
def fr2030 = read('target/in-2030/fr/privacy/index.html')
assert fr2030.contains('fallback-notice') && fr2030.contains('Your data stays in the European Union.') : fr2030
assert read('target/in-2030/fr/privacy/versions/2026-01-01/index.html').contains('un an')

// 3. check on 2030-01-01 fails, naming the missing translation.
assert log.contains('[parity.version-missing]') && log.contains('Privacy site check failed') : 'check on the new date'

// 4. A date in another form.
assert log.contains("<asOf> '1.1.2030' is not a date: write it as YYYY-MM-DD") : 'the clear message'
assert !new File(basedir, 'target/never').exists()
return true
