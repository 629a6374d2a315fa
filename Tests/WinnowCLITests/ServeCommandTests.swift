import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `winnow serve` as a process, and `winnow fetch` against it: the offline demo's two halves, end to end.
@Suite struct ServeCommandTests {
    static let site = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/site")

    /// One story of the demo site: where it is, its metadata, the first and last sentences of its text, and
    /// the headline of the OTHER story its "Next Story" teaser shows (which must not end up in the text).
    struct Story: Sendable, CustomTestStringConvertible {
        let path: String
        let title: String
        let authors: [String]
        let published: String
        let opening: String
        let closing: String
        let teaser: String
        var testDescription: String { path }
    }

    static let stories: [Story] = [
        Story(path: "/news/2025/06/ferry-terminal-roof.html", title: "Ferry Terminal Roof Repairs Finish Two Weeks Early",
              authors: ["Marta Quill"], published: "2025-06-12",
              opening: "Crews fitted the last section of new roof", closing: "so that the waiting hall stays open.",
              teaser: "Eastside Library Tries Staying Open Until 10 p.m."),
        Story(path: "/news/2025/06/library-late-hours.html?utm_source=feed&utm_medium=rss",
              title: "Eastside Library Tries Staying Open Until 10 p.m.", authors: ["Tomas Reyner"], published: "2025-06-09",
              opening: "will stay open until 10 p.m. on weeknights for six months",
              closing: "be tried at the Harborside branch as well.",
              teaser: "Last Keeper's Logbooks Go on Display at Gull Point Lighthouse"),
        Story(path: "/news/2025/06/lighthouse-logbooks.html",
              title: "Last Keeper\u{2019}s Logbooks Go on Display at Gull Point Lighthouse", authors: ["Dana Whitlock"],
              published: "2025-06-05", opening: "The handwritten logbooks of Agnes Tollen",
              closing: "leave bags at the door because the room is small.",
              teaser: "Volunteers Count 41 Species in Spring Tide Pool Survey"),
        Story(path: "/news/2025/05/tide-pool-survey.html", title: "Volunteers Count 41 Species in Spring Tide Pool Survey",
              authors: ["Priya Castellan"], published: "2025-05-28",
              opening: "More than sixty volunteers spent Saturday's low tide", closing: "a tolerance for cold fingers.",
              teaser: "School Board Approves Two New Bus Routes for Hillcrest"),
        Story(path: "/news/2025/05/hillcrest-bus-routes.html", title: "School Board Approves Two New Bus Routes for Hillcrest",
              authors: ["Owen Marsh"], published: "2025-05-20",
              opening: "voted 6 to 1 on Monday night", closing: "on the district's website from August 1.",
              teaser: "Fish Market Stallholders Push Back on Rent Increase"),
        Story(path: "/news/2025/05/fish-market-rent.html", title: "Fish Market Stallholders Push Back on Rent Increase",
              authors: ["Lucia Ferrante"], published: "2025-05-14",
              opening: "have asked the city to delay an 18 percent rent increase", closing: "charged at the old rate.",
              teaser: "Causeway Bridge to Close Overnight for Cable Inspection"),
        Story(path: "/news/2025/04/causeway-inspection.html", title: "Causeway Bridge to Close Overnight for Cable Inspection",
              authors: ["Marta Quill"], published: "2025-04-30",
              opening: "will close to all traffic overnight on four nights in May",
              closing: "which were replaced the following spring.",
              teaser: "Rye Loaf From Anchor Street Bakery Wins Regional Prize"),
        Story(path: "/news/2025/04/anchor-street-rye.html", title: "Rye Loaf From Anchor Street Bakery Wins Regional Prize",
              authors: ["Benji Okoro"], published: "2025-04-22",
              opening: "A dark rye loaf from the Anchor Street Bakery", closing: "The bread does not like it.",
              teaser: "Stranded Seal Pup Returned to Sea After Six Weeks of Care"),
        Story(path: "/news/2025/04/seal-pup-release.html", title: "Stranded Seal Pup Returned to Sea After Six Weeks of Care",
              authors: ["Dana Whitlock"], published: "2025-04-11",
              opening: "A harbor seal pup found alone and underweight", closing: "rather than try to move the animal.",
              teaser: "Council Passes Budget With Extra Money for Storm Drains"),
        Story(path: "/news/2025/03/storm-drain-budget.html", title: "Council Passes Budget With Extra Money for Storm Drains",
              authors: ["Owen Marsh"], published: "2025-03-27",
              opening: "approved a 212 million dollar budget", closing: "The new budget takes effect on July 1.",
              teaser: "Harbor Marathon Moves Its Finish Line to the Boardwalk"),
        Story(path: "/news/2025/03/marathon-finish.html", title: "Harbor Marathon Moves Its Finish Line to the Boardwalk",
              authors: ["Ruth Engel", "Sam Iverson"], published: "2025-03-15",
              opening: "The Harbor Marathon will end on the Breakwater Boardwalk", closing: "another 3,000 in the half.",
              teaser: "Ferry Terminal Roof Repairs Finish Two Weeks Early"),
    ]

    /// Pages whose chaff the extractor keeps today. storm-drain-budget.html is an old table-layout archive
    /// page (FONT tags, no article element, widgets in table cells beside the story's paragraphs): the
    /// "Related Articles" and "Next Story" cells come out after the story's last paragraph.
    static let knownLeaks: Set<String> = ["/news/2025/03/storm-drain-budget.html"]

    /// A running `winnow serve`, stopped with SIGTERM.
    final class Served {
        let process: Process
        let baseURL: String

        init(_ directory: String, extra: [String] = []) throws {
            process = Process()
            process.executableURL = CLITests.executable
            process.arguments = ["serve", directory, "--port", "0"] + extra
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Read the URL line; a server that never prints it is killed after 20 s, which ends the read.
            let started = process
            let watchdog = DispatchWorkItem { if started.isRunning { started.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            watchdog.cancel()
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let range = text.range(of: #"^serving .+ at (http://127\.0\.0\.1:\d+/)$"#, options: .regularExpression),
                  let at = text.range(of: " at http://", options: .backwards) else {
                process.terminate()
                throw ServeError("unexpected first line from winnow serve: \(text)")
            }
            _ = range
            baseURL = String(text[text.index(at.lowerBound, offsetBy: 4)...])
        }

        /// SIGTERM, then the exit status (nil when it had to be killed).
        func stop() -> Int32? {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            process.waitUntilExit()  // also lets Foundation release its hold on the finished process
            return process.terminationReason == .exit ? process.terminationStatus : nil
        }

        func url(_ path: String) -> String { baseURL + path.dropFirst() }
    }

    struct ServeError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func helpSaysItIsForTheDemoAndLoopbackOnly() throws {
        let run = try CLITests.winnow(["serve", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("demo"))
        #expect(run.stdout.contains("loopback only"))
        #expect(run.stdout.contains("127.0.0.1"))
    }

    @Test func aMissingFolderIsOneLineAndNonZero() throws {
        let run = try CLITests.winnow(["serve", "/nonexistent/winnow-demo-site"])
        #expect(run.status != 0)
        #expect(run.stderr == "Error: /nonexistent/winnow-demo-site: not a folder\n")
    }

    @Test func aPortOutOfRangeIsAUsageError() throws {
        let run = try CLITests.winnow(["serve", Self.site.path, "--port", "70000"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--port"))
    }

    @Test func printsItsURLServesAndExitsZeroOnSIGTERM() throws {
        let served = try Served(Self.site.path)
        let robots = try CLITests.winnow(["fetch", "--allow-private-networks", served.url("/robots.txt"), "--bare"])
        #expect(robots.status == 0, "\(robots.stderr)")
        #expect(robots.stdout.contains("Disallow: /private/"))
        #expect(served.stop() == 0)
    }

    @Test func exitsZeroOnSIGINTToo() throws {
        let served = try Served(Self.site.path, extra: ["--quiet"])
        defer { if served.process.isRunning { _ = served.stop() } }
        kill(served.process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while served.process.isRunning, Date() < deadline { usleep(20_000) }
        try #require(!served.process.isRunning, "winnow serve ignored SIGINT")
        served.process.waitUntilExit()  // lets Foundation release the finished process
        #expect(served.process.terminationReason == .exit)
        #expect(served.process.terminationStatus == 0)
    }

    @Test func fetchKeepsEachStoryAndDropsTheNextStoryTeaser() throws {
        let served = try Served(Self.site.path)
        defer { #expect(served.stop() == 0) }
        for story in Self.stories {
            let run = try CLITests.winnow(["fetch", "--allow-private-networks", served.url(story.path), "--bare"])
            #expect(run.status == 0, "\(story.path): \(run.stderr)")
            #expect(run.stdout.contains(story.opening), "\(story.path): opening missing")
            #expect(run.stdout.contains(story.closing), "\(story.path): closing missing")
            let leaks = {
                #expect(!run.stdout.contains(story.teaser), "\(story.path): the Next Story teaser leaked")
                #expect(!run.stdout.contains("Next Story"), "\(story.path): the Next Story label leaked")
                #expect(!run.stdout.contains("Related Articles"), "\(story.path): Related Articles leaked")
            }
            if Self.knownLeaks.contains(story.path) {
                // Reported to the lead, not tuned here: the extractor is another engineer's.
                withKnownIssue("the extractor keeps this page's table-layout chaff", isIntermittent: true, leaks)
            } else {
                leaks()
            }
        }
    }

    @Test func fetchFindsEachStorysTitleAuthorsAndDate() throws {
        let served = try Served(Self.site.path)
        defer { #expect(served.stop() == 0) }
        for story in Self.stories {
            let run = try CLITests.winnow(["fetch", "--allow-private-networks", served.url(story.path), "--format", "json"])
            #expect(run.status == 0, "\(story.path): \(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(object?["title"] as? String == story.title, "\(story.path)")
            #expect(object?["authors"] as? [String] == story.authors, "\(story.path)")
            #expect((object?["published"] as? String)?.hasPrefix(story.published) == true,
                    "\(story.path): published \(object?["published"] ?? "nil")")
        }
    }

    @Test func theTrackedFeedURLNamesThePlainCanonicalURL() throws {
        let served = try Served(Self.site.path)
        defer { #expect(served.stop() == 0) }
        let tracked = served.url("/news/2025/06/library-late-hours.html?utm_source=feed&utm_medium=rss")
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", tracked, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["url"] as? String == tracked)
        #expect(object?["canonical_url"] as? String == served.url("/news/2025/06/library-late-hours.html"))
    }
}
