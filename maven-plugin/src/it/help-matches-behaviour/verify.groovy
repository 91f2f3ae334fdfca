// `help -Ddetail` once said baseUrl "is not supported ... fails the goal" while it worked, and that
// reportDirectory gets one report while it got four. Here each claim of the help text is held against what
// the build of the first invocation did.
def log = new File(basedir, 'build.log').getText('UTF-8')
def help = log.substring(log.indexOf('privacy-site:check'))

/** The description help prints for a parameter of a goal: the lines under its name, up to its user property. */
def describe = { String goal, String parameter ->
    def section = help.substring(help.indexOf(goal + '\n'))
    def m = section =~ /(?s)\n\s+${parameter}\n(.*?)\n\s+User property: privacySite\.${parameter}/
    assert m.find() : "help does not document ${parameter} of ${goal}"
    m.group(1).replaceAll(/\s+/, ' ').trim()
}

// baseUrl: help says it replaces site.yaml's baseUrl in the canonical links, hreflang alternates and the sitemap.
def baseUrl = describe('privacy-site:generate', 'baseUrl')
assert !baseUrl.toLowerCase().contains('not supported') && !baseUrl.contains('fails the goal') : baseUrl
assert baseUrl.contains("instead of site.yaml's baseUrl") : baseUrl
assert baseUrl.contains('sitemap.xml') && baseUrl.contains('canonical') && baseUrl.contains('hreflang') : baseUrl
assert describe('privacy-site:translation-status', 'baseUrl') == baseUrl : 'the report documents baseUrl differently'
def out = new File(basedir, 'target/privacy-site')
def sitemap = new File(out, 'sitemap.xml').getText('UTF-8')
assert sitemap.contains('<loc>https://staging.example.net/policies/en/privacy/</loc>') : sitemap
assert !sitemap.contains('privacy.example.org') : "site.yaml's baseUrl is still in the sitemap: ${sitemap}"
def page = new File(out, 'en/privacy/index.html').getText('UTF-8')
assert page.contains('rel="canonical" href="https://staging.example.net/policies/en/privacy/"') : 'canonical link'
assert !page.contains('privacy.example.org') : "site.yaml's baseUrl is still in the page"

// reportDirectory: the files help names are the files the check wrote, no more, no fewer.
def reportDirectory = describe('privacy-site:check', 'reportDirectory')
def named = (reportDirectory =~ /[\w-]+\.(?:xml|sarif|json|html|css)/).collect { it } as Set
assert named.size() >= 4 : "help names too few report files: ${reportDirectory}"
assert reportDirectory.contains('four reports') : reportDirectory
def written = new File(basedir, 'target/reports').list() as Set
assert written == named : "help names ${named}, the check wrote ${written}"
assert log.contains('Report: ') && log.contains('TEST-privacy-site.xml')
return true
