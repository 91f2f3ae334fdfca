def log = new File(basedir, 'build.log').text
assert (log =~ /Marked \d+ clauses of fr\/privacy\.md as translated\./).find()
assert (log =~ /Marked \d+ clauses of de\/privacy\.md as translated\./).find()
assert new File(basedir, 'content/.translated/fr/privacy.yaml').isFile()
assert new File(basedir, 'content/.translated/de/privacy.yaml').isFile()
assert log.contains("'it' is not a translation locale of this site")
return true
