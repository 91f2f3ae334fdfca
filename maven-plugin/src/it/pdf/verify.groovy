// -DprivacySite.pdf=true writes the document as a PDF beside its page, and the page links to it.
def out = new File(basedir, 'target/privacy-site')
def pdf = new File(out, 'en/privacy/privacy.pdf')
assert pdf.isFile() : "missing ${pdf}"
def bytes = pdf.bytes
assert new String(bytes, 0, 5, 'ISO-8859-1') == '%PDF-'
assert new String(bytes, 'ISO-8859-1').contains('<pdfaid:part>2</pdfaid:part>')
def html = new File(out, 'en/privacy/index.html').getText('UTF-8')
assert html.contains('href="privacy.pdf"')
return true
