import ArgumentParser
import Foundation
import WinnowDemoSite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow serve`: a folder over HTTP on 127.0.0.1, for the offline demo and the tests.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a folder over HTTP on 127.0.0.1 (for the demo and tests; loopback only).",
        discussion: """
            For the offline demo and the tests: a small static file server, so Winnow can be run end to end against a real HTTP site without the network (winnow serve samples/site serves the bundled news site). It listens on loopback only (127.0.0.1, or another 127.x.y.z given with --host), never on another address, and is not meant to face the internet.

            Once listening it prints one line on stdout: serving DIR at http://127.0.0.1:PORT/

            GET and HEAD only; index.html for folders; ETag and Last-Modified on every file, with 304 answers to If-None-Match and If-Modified-Since; 404 for missing files; no path can leave DIR. Each request is logged on stderr (method, path, status, bytes) unless --quiet. Runs until Ctrl-C or SIGTERM, then exits 0.
            """
    )

    @Argument(help: "The folder to serve.")
    var directory: String

    @Option(parsing: .unconditional, help: "Port (0-65535; 0 picks a free port, named in the URL line).")
    var port: Int = 0

    @Option(help: ArgumentHelp("A loopback address to listen on: 127.0.0.1 (default) or any 127.x.y.z.",
                               valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "Do not log requests on stderr.")
    var quiet = false

    func validate() throws {
        try OptionRange.check(port, 0...65535, option: "--port")
    }

    func run() async throws {
        // Before anything is printed: whoever reads the URL line may signal at once.
        Self.catchTerminationSignals()
        var log: (@Sendable (AccessLogEntry) -> Void)?
        if !quiet {
            log = { entry in FileHandle.standardError.write(Data("\(entry)\n".utf8)) }
        }
        let server: StaticSiteServer
        do {
            server = try StaticSiteServer(root: directory, host: host, port: UInt16(port), accessLog: log)
        } catch let error as StaticSiteServerError {
            throw CLIError(error.description)
        }
        // FileHandle writes go straight to the file descriptor: the line is out before anyone reads the port.
        FileHandle.standardOutput.write(Data("serving \(directory) at \(server.baseURL.absoluteString)\n".utf8))
        await Self.waitForTermination()
        server.stop()
    }

    /// Turns SIGINT and SIGTERM into a byte on `SignalPipe.shared` instead of the default action (death).
    ///
    /// A self-pipe: the handler (async-signal-safe) writes one byte; `waitForTermination()` reads it.
    /// Dispatch signal sources are not used: on Linux they miss signals the process ignores, and a handler
    /// must be installed anyway so the default action does not kill the process first.
    static func catchTerminationSignals() {
        _ = SignalPipe.shared
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { _ in
            var byte: UInt8 = 1
            _ = write(SignalPipe.shared.writeEnd, &byte, 1)
        }
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
        #else
        action.__sigaction_handler.sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    /// Returns on the first SIGINT or SIGTERM (after `catchTerminationSignals()`).
    static func waitForTermination() async {
        let pipe = SignalPipe.shared
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                var byte: UInt8 = 0
                while read(pipe.readEnd, &byte, 1) < 0 && errno == EINTR {}
                continuation.resume()
            }.start()
        }
    }
}

/// The pipe the signal handler writes to; created before the handler is installed.
private struct SignalPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    static let shared: SignalPipe = {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { fatalError("pipe(): \(String(cString: strerror(errno)))") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return SignalPipe(readEnd: ends[0], writeEnd: ends[1])
    }()
}
