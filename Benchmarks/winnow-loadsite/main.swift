import Foundation
import WinnowTestSupport

// The loopback web that scripts/bench-load points the daemon at: HOSTS hosts on 127.0.x.y (one
// `TestHTTPServer` each), every host a sitemap of its URLS/HOSTS generated article pages. A quarter of the
// hosts (every fourth) misbehave on their article pages, five ways in turn:
//   stall     read the request, never answer (the client's timeout ends it)
//   reset     promise a long body, send a little, hang up (the transfer fails mid-body)
//   drip      answer, but only after 5–40 s (some within the daemon's timeout, some not)
//   5xx       500 and 503 (the 503 with Retry-After: 120)
//   429       429 with Retry-After: 60
// Their sitemaps answer normally, so every URL reaches the frontier.
//
// Usage: winnow-loadsite --hosts N --urls N --hosts-file FILE
// Writes "<index> <behaviour> <base URL>" per host to FILE, prints "ready" when all listen, then serves until
// killed, printing one line of request counts by behaviour every 10 s.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("winnow-loadsite: \(message)\n".utf8))
    exit(1)
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

guard let hostCount = option("--hosts").flatMap(Int.init), (1...60_000).contains(hostCount),
      let urlCount = option("--urls").flatMap(Int.init), urlCount >= hostCount,
      let hostsFile = option("--hosts-file")
else { fail("usage: winnow-loadsite --hosts N --urls N --hosts-file FILE") }
let perHost = urlCount / hostCount

enum Behaviour: String, CaseIterable, Sendable {
    case healthy, stall, reset, drip, serverError = "5xx", tooMany = "429"

    /// Every fourth host misbehaves, the five ways in turn.
    static func of(host index: Int) -> Behaviour {
        guard index % 4 == 3 else { return .healthy }
        return [.stall, .reset, .drip, .serverError, .tooMany][(index / 4) % 5]
    }
}

/// Host `index`'s address: 127.0.1.1, 127.0.1.2, … 200 per third octet.
func address(of index: Int) -> String { "127.0.\(1 + index / 200).\(1 + index % 200)" }

/// Seeded words (SplitMix64), so page k of host h is the same page every time.
struct Words {
    var random: SplitMix64
    static let vocabulary = """
        harbour council ferry market bridge river valley station library museum school orchard festival weather
        morning evening summer winter village district farmers traders visitors volunteers engineers teachers
        repaired opened announced measured counted delayed finished planted painted carried gathered welcomed
        quietly slowly early later again finally carefully together nearby across beyond under along through
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    mutating func next() -> UInt64 { random.next() }

    mutating func word() -> String { Self.vocabulary[Int(next() % UInt64(Self.vocabulary.count))] }

    mutating func sentence(_ host: Int, _ page: Int) -> String {
        let count = 12 + Int(next() % 10)
        var words = (0..<count).map { _ in word() }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        words.insert("\(host)-\(page)", at: count / 2)
        return words.joined(separator: " ") + "."
    }
}

enum Pages {
/// Article `page` of host `host`: a title and five paragraphs of generated sentences, with page furniture.
static func article(host: Int, page: Int, base: String) -> String {
    var words = Words(random: SplitMix64(seed: UInt64(host) &* 1_000_003 &+ UInt64(page)))
    let title = "Dispatch \(host)-\(page): \(words.word()) \(words.word()) \(words.word())"
    let paragraphs = (0..<5).map { _ in "<p>" + (0..<4).map { _ in words.sentence(host, page) }.joined(separator: " ") + "</p>" }
    return """
        <!DOCTYPE html><html><head><title>\(title) | Loopback Gazette</title>
        <link rel="canonical" href="\(base)/a/\(page)">
        <meta property="article:published_time" content="2026-11-\(String(format: "%02d", 1 + page % 28))T08:00:00Z">
        </head><body><nav><a href="/">Home</a> <a href="/a/">Archive</a></nav>
        <article><h1>\(title)</h1>
        \(paragraphs.joined(separator: "\n"))
        </article>
        <aside class="related"><h3>Related</h3><a href="/a/\(page + 1)">Next dispatch</a></aside>
        </body></html>
        """
}

static func sitemap(base: String, pages: Int) -> String {
    let entries = (0..<pages).map { "<url><loc>\(base)/a/\($0)</loc></url>" }.joined()
    return "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\(entries)</urlset>"
}
}

let sharedCounters = Shared<[String: Int]>([:])

var servers: [TestHTTPServer] = []
var lines: [String] = []
for index in 0..<hostCount {
    let behaviour = Behaviour.of(host: index)
    let host = index, pages = perHost, counters = sharedCounters
    let baseBox = Shared("")
    let server: TestHTTPServer
    do {
        server = try TestHTTPServer(address: address(of: index)) { request in
            let base = baseBox.value
            if request.path == "/sitemap.xml" {
                counters.withLock { $0["sitemap", default: 0] += 1 }
                return ServerReply(headers: [("Content-Type", "application/xml")], body: Array(Pages.sitemap(base: base, pages: pages).utf8))
            }
            guard request.path.hasPrefix("/a/"), let page = Int(request.path.dropFirst(3)), page < pages else {
                counters.withLock { $0["404", default: 0] += 1 }
                return .text("not found", status: 404)
            }
            counters.withLock { $0[behaviour.rawValue, default: 0] += 1 }
            let ok = { (delay: Duration?) in
                ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")],
                            body: Array(Pages.article(host: host, page: page, base: base).utf8), delay: delay)
            }
            switch behaviour {
            case .healthy:
                return ok(nil)
            case .stall:
                return ServerReply(stall: true)
            case .reset:
                return ServerReply(headers: [("Content-Type", "text/html"), ("Content-Length", "200000")],
                                   body: Array("<!DOCTYPE html><html><body><p>cut".utf8))
            case .drip:
                return ok(.seconds(5 + (page * 7) % 36))
            case .serverError:
                return page % 2 == 0 ? .text("boom", status: 500) : .text("busy", status: 503, headers: [("Retry-After", "120")])
            case .tooMany:
                return .text("slow down", status: 429, headers: [("Retry-After", "60")])
            }
        }
    } catch {
        fail("cannot listen on \(address(of: index)): \(error)")
    }
    baseBox.withLock { $0 = "http://\(server.address):\(server.port)" }
    servers.append(server)
    lines.append("\(index) \(behaviour.rawValue) \(baseBox.value)")
}

do {
    try (lines.joined(separator: "\n") + "\n").write(toFile: hostsFile, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(hostsFile): \(error)")
}
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
say("ready")
signal(SIGTERM) { _ in exit(0) }
while true {
    sleep(10)
    let counts = sharedCounters.value.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    say("requests \(counts)")
}
