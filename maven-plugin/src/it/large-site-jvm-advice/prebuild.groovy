// Writes a site of 1,000 pages: 10 locales (each with the built-in theme's messages) x 100 documents of two clauses.
def locales = ['en', 'fr', 'de', 'nl', 'sv', 'pt', 'nb', 'fi', 'hu', 'ja']
def documents = (1..100).collect { String.format('policy-%03d', it) }
def content = new File(basedir, 'content')
content.mkdirs()
new File(content, 'site.yaml').setText("""name: Large Example
baseUrl: https://privacy.example.org/
locales: [${locales.join(', ')}]
documents: [${documents.join(', ')}]
facts:
  privacyEmail: privacy@example.org
  retentionDays: 30
""", 'UTF-8')
for (locale in locales) {
    new File(content, locale).mkdirs()
    for (document in documents) {
        new File(content, "${locale}/${document}.md").setText("""---
title: Policy ${document}
effective: 2026-01-01
---

## Data we collect {#data}

We collect your e-mail address, see [retention](#retention).

## Retention {#retention}

We keep it for {retentionDays, plural, one {# day} other {# days}}.
""", 'UTF-8')
    }
}
return true
