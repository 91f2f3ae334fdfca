// -DprivacySite.skip=true: both goals run but do nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping privacy site generation (privacySite.skip=true).')
assert log.contains('Skipping privacy site check (privacySite.skip=true).')
assert !new File(basedir, 'target/privacy-site').exists()
assert !log.contains('Built ')
return true
