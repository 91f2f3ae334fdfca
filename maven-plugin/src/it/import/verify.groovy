// privacy-site:import wrote content/ from old-site/, check passed on it, and a second import changed nothing.
def log = new File(basedir, 'build.log').text
def content = new File(basedir, 'content')

def siteYaml = new File(content, 'site.yaml').getText('UTF-8')
assert siteYaml.contains('locales: [en, fr]')
assert siteYaml.contains('documents: [privacy]')

def en = new File(content, 'en/privacy.md').getText('UTF-8')
assert en.startsWith('---\ntitle: "Privacy Policy"\neffective: 2024-03-01\n---\n')
assert en.contains('## Data we collect {#data}')
assert en.contains('[Retention](#retention)')

def fr = new File(content, 'fr/privacy.md').getText('UTF-8')
assert fr.contains('## Données collectées {#data}') : fr
assert fr.contains('## Conservation {#retention}') : fr
assert fr.contains('[Conservation](#retention)') : fr
assert !fr.contains('Accueil') && !fr.contains('OK') && !fr.contains('track') && !fr.contains('©') : fr

assert log.contains('Imported 1 document (privacy) in 2 locales (en, fr, source en)')
assert log.contains('2 clauses, 2 aligned in every locale.')
assert log.contains('Privacy site check passed')
assert log.contains('this file exists already and was left as it was; run the import again with --force to replace it')
assert !new File(content, '.import-staging').exists()
return true
