def log = new File(basedir, 'build.log').text
def built = log.indexOf('Built 2 pages into')
def upToDate = log.indexOf('Privacy site is up to date')
assert built >= 0 : 'the first build did not render'
assert upToDate > built : 'the second build did not report "up to date"'
assert log.indexOf('Built 2 pages into', built + 1) < 0 : 'the second build rendered again'
assert new File(basedir, 'target/privacy-site/fr/privacy/index.html').isFile()
return true
