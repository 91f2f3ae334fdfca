def server = System.properties.remove('privacysite.it.auditServer')
if (server != null) {
    server.stop(0)
}
def log = new File(basedir, 'build.log').text
// The site's banner gates the analytics script; every cookie it sets is declared.
assert (log =~ /Cookie audit passed: \d+ pages in three passes, 0 errors/).find()
assert log.contains("[audit.cookie-never-seen]"), 'fx_locale and fx_ref are never set'
assert !log.contains('[audit.undeclared-cookie]')
assert new File(basedir, 'target/audit-reports/cookie-audit.html').text.contains('_pk_id.1')
assert new File(basedir, 'target/audit-reports/privacy-site-audit.sarif').isFile()
// Wrong button names: a clear failure, no stack trace.
assert log.contains("Cookie audit: found no button named 'Nope'")
assert !log.contains('\tat org.openqa')
return true
