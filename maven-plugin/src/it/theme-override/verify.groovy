// The project's templates/partials/footer.ftlh replaces the built-in footer; every other template,
// the assets and the UI texts come from the built-in theme.
def log = new File(basedir, 'build.log').getText('UTF-8')
def out = new File(basedir, 'target/privacy-site')
def html = new File(out, 'en/privacy/index.html').getText('UTF-8')

assert html.contains('<p class="own-footer">Our own footer for Example Privacy Center.</p>') : 'the own footer'
assert !html.contains('© Example Ltd') : 'not the built-in footer'
// The built-in layout, document template, UI texts and assets.
assert html.contains('class="skip-link"') && html.contains('Skip to')
assert html.contains('Example Ltd explains here how it handles your personal data.')
assert html =~ /<link rel="stylesheet" href="\.\.\/\.\.\/assets\/site\.css"/
def css = new File(out, 'assets/site.css')
assert css.isFile() && css.length() > 1000 : 'the built-in stylesheet'

// check names the override.
assert log =~ /templates[\/\\]partials[\/\\]footer\.ftlh overrides the built-in theme/
assert log.contains('Privacy site check passed: 1 pages, 0 errors, 0 warnings.')
return true
