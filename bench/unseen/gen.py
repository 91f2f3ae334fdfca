#!/usr/bin/env python3
"""Unseen-site generator: a privacy-site content directory made from the README's format only.

    python3 bench/unseen/gen.py --out DIR [--locales en,fr,...] [--documents 500] [--seed 7]
        [--copy-ui LOCALES]   locales whose UI bundle (templates/messages/<loc>.yaml) and cookie
                              texts (content/<loc>/messages.yaml) are copies of en's

Writes DIR/content (site.yaml, cookies.yaml, <locale>/<doc>.md, <locale>/messages.yaml) and
DIR/templates/messages/<loc>.yaml. Deterministic for a seed.
"""
import argparse, os, random, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from langs import L

THEME_EN = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'generator-core', 'src', 'main', 'resources',
                        'org', 'privacysite', 'theme', 'messages', 'en.yaml')

KINDS = ['privacy-notice', 'terms', 'data-processing', 'retention-schedule', 'employee-notice', 'security-statement']
KEYWORDS = ['who-we-are', 'scope', 'data-we-collect', 'purposes', 'legal-bases', 'recipients', 'transfers',
            'retention', 'your-rights', 'security', 'children', 'automated-decisions', 'changes', 'contact',
            'complaints', 'definitions']
FACTS_NUM = {'accountRetentionDays': 30, 'logRetentionDays': 1, 'invoiceRetentionDays': 2, 'ticketDays': 11,
             'backupMonths': 3, 'contractMonths': 24, 'auditMonths': 1, 'noticeMonths': 2}
DAY_FACTS = ['accountRetentionDays', 'logRetentionDays', 'invoiceRetentionDays', 'ticketDays']
MONTH_FACTS = ['backupMonths', 'contractMonths', 'auditMonths', 'noticeMonths']
DATE_FACTS = ['incorporated', 'lastAudit', 'dpaSigned']


def site_facts():
    return {
        'company': 'Halcyon Data Services GmbH', 'product': 'Halcyon Cloud',
        'dpoEmail': 'dpo@halcyon.example', 'privacyEmail': 'privacy@halcyon.example',
        'website': 'https://halcyon.example/', 'phone': '"+49 30 5550 1234"',
        'jurisdiction': 'ie', 'annualFee': 1234.5, 'refundShare': 0.25, 'maxDevices': 12, 'responseDays': 30,
        'reviewRound': 3,
        'incorporated': '2015-06-01', 'lastAudit': '2025-11-30', 'dpaSigned': '2024-02-29',
        **FACTS_NUM,
    }


def plural(lang, fact, unit):
    forms = L[lang]['units'][unit]
    return '{%s, plural, %s}' % (fact, ' '.join('%s {%s}' % (k, v) for k, v in forms.items()))


class Doc:
    def __init__(self, name, kind_index, number, rnd, all_docs_keys):
        self.name, self.kind, self.number = name, kind_index, number
        self.rnd = rnd


def make_structure(rnd, name, idx):
    """Language-independent structure of one document: clauses with blocks of sentence specs."""
    size = rnd.choice([3, 4, 6, 8, 10, 12, 16, 20, 24, 32, 48]) if name not in ('privacy', 'cookies') else 20
    if idx % 97 == 5:
        size = 120  # a few very long documents
    clauses, used = [], set()
    level = 2
    for c in range(size):
        base = KEYWORDS[(c + idx) % len(KEYWORDS)]
        key = base if base not in used else '%s-%d' % (base, c)
        used.add(key)
        prev = clauses[-1]['level'] if clauses else 1
        level = 2 if c == 0 else rnd.choice([l for l in (2, 2, 3, 3, 4) if l <= prev + 1])
        blocks = []
        for b in range(rnd.choice([1, 1, 2, 2, 3, 4, 6])):
            kind = rnd.choice(['p', 'p', 'p', 'p', 'ul', 'table'] if b else ['p'])
            if kind == 'p':
                blocks.append(('p', [sentence(rnd) for _ in range(rnd.randint(1, 6))]))
            elif kind == 'ul':
                blocks.append(('ul', [rnd.randrange(6) for _ in range(rnd.randint(2, 6))]))
            else:
                blocks.append(('table', rnd.randint(2, 4)))
        clauses.append(dict(key=key, level=level, heading=(c + idx) % 16, blocks=blocks))
    return clauses


def sentence(rnd):
    r = rnd.random()
    if r < 0.55:
        return ('plain', rnd.randrange(8))
    if r < 0.85:
        return ('fact', rnd.randrange(9), rnd.randrange(4))
    if r < 0.93:
        return ('xref-local',)
    if r < 0.98:
        return ('xref-other',)
    return ('doclink',)


def resolve_links(rnd, docs):
    """Turn xref placeholders into concrete targets (same doc clause, other doc clause, other doc)."""
    names = [d['name'] for d in docs]
    for d in docs:
        keys = [c['key'] for c in d['clauses']]
        for c in d['clauses']:
            for bi, (kind, *rest) in enumerate(c['blocks']):
                if kind != 'p':
                    continue
                out = []
                for s in rest[0]:
                    if s[0] == 'xref-local':
                        out.append(('xref', None, rnd.choice(keys)))
                    elif s[0] == 'xref-other':
                        other = docs[rnd.randrange(len(docs))]
                        out.append(('xref', other['name'], rnd.choice(other['clauses'])['key']))
                    elif s[0] == 'doclink':
                        out.append(('doclink', rnd.choice(names)))
                    else:
                        out.append(s)
                c['blocks'][bi] = ('p', out)


def title(lang, d):
    if d['name'] == 'privacy':
        return L[lang]['privacy']
    if d['name'] == 'cookies':
        return L[lang]['cookies']
    return '%s %d' % (L[lang]['kinds'][d['kind']], d['number'])


def render_sentence(lang, s, docs_by_name):
    t = L[lang]
    if s[0] == 'plain':
        return t['plain'][s[1]]
    if s[0] == 'xref':
        target = ('%s.md#%s' % (s[1], s[2])) if s[1] else '#' + s[2]
        return t['see'].replace('{x}', '[](%s)' % target)
    if s[0] == 'doclink':
        d = docs_by_name[s[1]]
        return t['see'].replace('{x}', '[%s](%s.md)' % (title(lang, d), d['name']))
    _, which, variant = s
    text = t['fact'][which]
    return fill(lang, text, variant)


def fill(lang, text, variant):
    t = L[lang]
    text = text.replace('{C}', '{company}').replace('{P}', '{product}')
    text = text.replace('{E}', '[{dpoEmail}](mailto:{dpoEmail})').replace('{W}', '[{website}]({website})')
    text = text.replace('{D:day}', plural(lang, DAY_FACTS[variant], 'day'))
    text = text.replace('{D:month}', plural(lang, MONTH_FACTS[variant], 'month'))
    text = text.replace('{DATE}', '{%s, date, %s}' % (DATE_FACTS[variant % 3], ['long', 'medium', 'short', 'full'][variant]))
    text = text.replace('{MONEY}', '{annualFee, number, ::currency/EUR}')
    text = text.replace('{PCT}', '{refundShare, number, percent}')
    text = text.replace('{INT}', '{maxDevices, number, integer}')
    text = text.replace('{SPELL}', '{responseDays, spellout}')
    text = text.replace('{SEL}', t['sel'])
    return text


def render_doc(lang, d, docs_by_name, langs):
    t = L[lang]
    lines = ['---', 'title: "%s"' % title(lang, d), 'description: "%s"' % t['desc'],
             'effective: %s' % d['effective'], 'updated: %s' % d['updated'], '---', '']
    lines.append(fill(lang, t['fact'][4].replace('{DATE}', '{effective, date, long}'), 0))
    if d['ordinal']:
        lines.append('')
        lines.append(t['ordinal'] + '.')
    lines.append('')
    for ci, c in enumerate(d['clauses']):
        heading = t['headings'][c['heading']]
        if d['name'] == 'cookies' and c['key'] == 'manage':
            heading = t['manage']
        lines.append('%s %s {#%s}' % ('#' * c['level'], heading, c['key']))
        lines.append('')
        for kind, arg in c['blocks']:
            if kind == 'p':
                lines.append(' '.join(render_sentence(lang, s, docs_by_name) for s in arg))
            elif kind == 'ul':
                for i in arg:
                    lines.append('- ' + t['items'][i] + (';' if lang not in ('ja', 'zh', 'zh-Hant') else '；'))
            else:
                h = t['table']
                lines.append('| %s | %s | %s | %s |' % tuple(h[:4]))
                lines.append('|---|---|---|---|')
                for r in range(arg):
                    lines.append('| %s | %s | %s | %s |' % (h[4 + r % 4], t['items'][r], h[1 + r % 3],
                                                            plural(lang, DAY_FACTS[r], 'day')))
            lines.append('')
        if d['name'] == 'cookies' and c['key'] == 'categories':
            lines += ['```cookie-table necessary', '```', '', '```cookie-table analytics', '```', '']
        if t['mediator'] and d['local'] and ci == len(d['clauses']) - 1:
            lines += ['## %s {#mediator local}' % t['mediator'], '', t['plain'][6], '']
    return '\n'.join(lines)


COOKIES_YAML = """revision: 1
expiryMonths: 6
storageName: halcyon_consent
categories:
  - id: necessary
    required: true
    cookies:
      - {name: halcyon_consent, provider: Halcyon Data Services GmbH, party: first, duration: 6 months, purpose: cookie.halcyon_consent.purpose}
      - {name: halcyon_session, provider: Halcyon Data Services GmbH, party: first, duration: session, purpose: cookie.halcyon_session.purpose}
  - id: analytics
    vendors: [{name: Halcyon Data Services GmbH, privacyPolicy: "https://halcyon.example/privacy"}]
    scripts: [{src: "https://stats.halcyon.example/a.js"}]
    cookies:
      - {name: "_hs_id.*", provider: Halcyon Data Services GmbH, party: first, duration: 13 months, purpose: "cookie._hs_id.*.purpose"}
"""

MESSAGES_EN = """cookies.category.necessary.name: "Strictly necessary cookies"
cookies.category.necessary.purpose: "These cookies are essential for {product} to work."
cookies.category.analytics.name: "Analytics cookies"
cookies.category.analytics.purpose: "These cookies help us understand how visitors use our website."
cookie.halcyon_consent.purpose: "Remembers your cookie choices."
cookie.halcyon_session.purpose: "Keeps you signed in."
cookie._hs_id.*.purpose: "Recognises a returning browser for {company}'s statistics."
"""

MESSAGES_TRANSLATED = {
    'fr': ["Cookies strictement nécessaires", "Ces cookies sont indispensables au fonctionnement de {product}.",
           "Cookies de mesure d'audience", "Ces cookies nous aident à comprendre comment les visiteurs utilisent notre site.",
           "Mémorise vos choix en matière de cookies.", "Vous garde connecté.",
           "Reconnaît un navigateur qui revient, pour les statistiques de {company}."],
    'de': ["Unbedingt erforderliche Cookies", "Diese Cookies sind für den Betrieb von {product} unerlässlich.",
           "Analyse-Cookies", "Diese Cookies helfen uns zu verstehen, wie Besucher unsere Website nutzen.",
           "Speichert Ihre Cookie-Auswahl.", "Hält Sie angemeldet.",
           "Erkennt einen wiederkehrenden Browser für die Statistik von {company}."],
    'es': ["Cookies estrictamente necesarias", "Estas cookies son esenciales para que {product} funcione.",
           "Cookies analíticas", "Estas cookies nos ayudan a entender cómo usan los visitantes nuestro sitio.",
           "Recuerda sus opciones de cookies.", "Mantiene su sesión iniciada.",
           "Reconoce un navegador que vuelve, para las estadísticas de {company}."],
    'ja': ["必要不可欠なCookie", "これらのCookieは{product}の動作に不可欠です。", "分析Cookie",
           "これらのCookieは、訪問者によるウェブサイトの利用状況を把握するのに役立ちます。",
           "Cookieに関する選択を記憶します。", "サインイン状態を維持します。", "{company}の統計のために再訪問したブラウザを認識します。"],
}
MSG_KEYS = ['cookies.category.necessary.name', 'cookies.category.necessary.purpose', 'cookies.category.analytics.name',
            'cookies.category.analytics.purpose', 'cookie.halcyon_consent.purpose', 'cookie.halcyon_session.purpose',
            'cookie._hs_id.*.purpose']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--locales', default='en,fr,de,es,it,pt,nl,pl,sv,da,fi,cs,tr,ru,ar,he,ja,ko,zh,zh-Hant')
    ap.add_argument('--documents', type=int, default=500)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--copy-ui', default=None, help='locales whose bundles are copies of en (default: all but en,fr,de,es,ja)')
    a = ap.parse_args()
    locales = a.locales.split(',')
    copy_ui = set(a.copy_ui.split(',')) if a.copy_ui else set(locales) - {'en', 'fr', 'de', 'es', 'ja'}
    copy_ui.discard('en')
    rnd = random.Random(a.seed)

    names = ['privacy', 'cookies']
    kinds = {}
    n = 1
    while len(names) < a.documents:
        k = (n - 1) % len(KINDS)
        names.append('%s-%03d' % (KINDS[k], n))
        kinds[names[-1]] = (k, n)
        n += 1
    docs = []
    for i, name in enumerate(names):
        k, num = kinds.get(name, (0, 0))
        clauses = make_structure(rnd, name, i)
        if name == 'cookies':
            clauses[3]['key'] = 'categories'
            clauses[5]['key'] = 'manage'
            prev = 1
            for c in clauses:
                c['level'] = 2 if c['key'] in ('categories', 'manage') else min(c['level'], prev + 1)
                prev = c['level']
            keys = [c['key'] for c in clauses]
            assert len(set(keys)) == len(keys), keys
        year = 2023 + i % 3
        docs.append(dict(name=name, kind=k, number=num, clauses=clauses,
                         effective='%d-%02d-%02d' % (year, 1 + i % 12, 1 + i % 28),
                         updated='%d-%02d-%02d' % (year, 1 + i % 12, 1 + i % 28),
                         ordinal=(i % 11 == 3), local=(i % 50 == 7)))
    resolve_links(rnd, docs)
    by_name = {d['name']: d for d in docs}

    content = os.path.join(a.out, 'content')
    os.makedirs(content, exist_ok=True)
    facts = site_facts()
    with open(os.path.join(content, 'site.yaml'), 'w') as f:
        f.write('name: Halcyon Privacy Center\nbaseUrl: https://privacy.halcyon.example/\n')
        f.write('locales: [%s]\n' % ', '.join(locales))
        f.write('documents:\n' + ''.join('  - %s\n' % n for n in names))
        f.write('facts:\n' + ''.join('  %s: %s\n' % (k, v) for k, v in facts.items()))
    with open(os.path.join(content, 'cookies.yaml'), 'w') as f:
        f.write(COOKIES_YAML)
    for lang in locales:
        d = os.path.join(content, lang)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'messages.yaml'), 'w') as f:
            if lang in MESSAGES_TRANSLATED:
                f.write(''.join('%s: "%s"\n' % kv for kv in zip(MSG_KEYS, MESSAGES_TRANSLATED[lang])))
            else:
                f.write(MESSAGES_EN)  # the "copies of en" bundle
        for doc in docs:
            with open(os.path.join(d, doc['name'] + '.md'), 'w') as f:
                f.write(render_doc(lang, doc, by_name, locales))
    tm = os.path.join(a.out, 'templates', 'messages')
    os.makedirs(tm, exist_ok=True)
    en = open(THEME_EN).read()
    for lang in sorted(copy_ui):
        if lang in locales:
            with open(os.path.join(tm, lang + '.yaml'), 'w') as f:
                f.write(en)
    print('wrote %d locales x %d documents to %s; UI bundles copied from en: %s'
          % (len(locales), len(docs), a.out, ','.join(sorted(copy_ui & set(locales)))))


if __name__ == '__main__':
    main()
