// Serves target/privacy-site (written by the first invocation) on a free loopback port for the audit, and
// points the POM's privacySite.auditUrl at it. verify.groovy stops the server.
import com.sun.net.httpserver.HttpServer

def root = new File(basedir, 'target/privacy-site').toPath().toAbsolutePath().normalize()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
server.createContext('/') { exchange ->
    def file = root.resolve(exchange.requestURI.path.substring(1)).normalize()
    if (java.nio.file.Files.isDirectory(file)) {
        file = file.resolve('index.html')
    }
    if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1)
        exchange.close()
        return
    }
    def name = file.fileName.toString()
    def type = name.endsWith('.html') ? 'text/html; charset=utf-8' : name.endsWith('.css') ? 'text/css'
            : name.endsWith('.js') ? 'text/javascript' : 'application/octet-stream'
    def body = java.nio.file.Files.readAllBytes(file)
    exchange.responseHeaders.set('Content-Type', type)
    exchange.sendResponseHeaders(200, body.length)
    exchange.responseBody.write(body)
    exchange.close()
}
server.start()
System.properties.put('privacysite.it.auditServer', server)
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('AUDIT_ORIGIN', "http://127.0.0.1:${server.address.port}")
return true
