def log = new File(basedir, 'build.log').text
def xliff = new File(basedir, 'fr.xlf')
assert xliff.isFile()
assert xliff.text.contains('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">')
assert (log =~ /Wrote \d+ units of \d+ clauses to .*fr\.xlf/).find()
assert (log =~ /Imported \d+ units into fr \(\d+ without a finished translation left alone\); no file changed\./).find()
assert log.contains('not-xliff.xlf:1:1: error: the file is XML but not XLIFF 2')
assert log.contains('[xliff.not-xliff]')
return true
