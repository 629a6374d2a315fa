// swift-tools-version:6.1
import PackageDescription

// Winnow: a web scraper and boilerplate-removal daemon.
// C lives only in the system-library targets; each library module has one concern.
let package = Package(
    name: "Winnow",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "winnow", targets: ["winnow"]),
        .library(name: "WinnowExtract", targets: ["WinnowExtract"]),
        // For the fuzz package (Fuzz/Package.swift), which depends on this one by path.
        .library(name: "WinnowDOM", targets: ["WinnowDOM"]),
        .library(name: "WinnowRules", targets: ["WinnowRules"]),
        .library(name: "WinnowPipeline", targets: ["WinnowPipeline"]),
        .library(name: "WinnowOutput", targets: ["WinnowOutput"]),
        .library(name: "WinnowCrawl", targets: ["WinnowCrawl"]),
        .library(name: "WinnowSources", targets: ["WinnowSources"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries: module map + one shim header each.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),

        // The only importer of libxml2: documents, nodes, XPath, CSS selectors, charsets.
        .target(name: "WinnowDOM", dependencies: ["CLibXML2"]),
        // The only importer of libcurl and zlib: async HTTP client on the multi interface, gzip file bodies.
        .target(name: "WinnowFetch", dependencies: ["CCurl", "CZlib"]),
        // Boilerplate removal and metadata.
        .target(name: "WinnowExtract", dependencies: ["WinnowDOM", "WinnowCrawl"]),
        // Site rules (ftr-site-config format plus Winnow's additions): parse, validate, match hosts, apply.
        .target(name: "WinnowRules", dependencies: ["WinnowDOM"]),
        // One page (or multi-page story) from bytes to story: site rules first, then the generic extractor.
        .target(name: "WinnowPipeline", dependencies: ["WinnowDOM", "WinnowFetch", "WinnowExtract", "WinnowRules"]),
        // Renderers (text, Markdown, JSON, HTML) and the story writer.
        .target(name: "WinnowOutput", dependencies: ["WinnowExtract"]),
        // Crawl policy as pure functions: URL normalization, robots.txt (RFC 9309), backoff, poll intervals.
        .target(name: "WinnowCrawl"),
        // Where article URLs come from: RSS/Atom/RDF feeds, sitemaps, section pages' links.
        .target(name: "WinnowSources", dependencies: ["WinnowDOM", "WinnowFetch", "WinnowCrawl"]),
        // The daemon's durable state (sources, frontier, hosts, stories) behind a protocol; SQLite via GRDB.
        .target(
            name: "WinnowState",
            dependencies: [
                "WinnowCrawl", .product(name: "GRDB", package: "GRDB.swift"),
                // sqlite3_file_control, for the persistent WAL that read-only opens need.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The daemon: configuration, scheduler, output directory, lifecycle and systemd integration.
        .target(
            name: "WinnowDaemon",
            dependencies: [
                "WinnowCrawl", "WinnowSources", "WinnowState", "WinnowPipeline", "WinnowOutput", "WinnowFetch",
                "WinnowExtract", "WinnowRules",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // A loopback-only static file server for the offline demo (`winnow serve`) and tests; HTTP dates from WinnowCrawl.
        .target(name: "WinnowDemoSite", dependencies: ["WinnowCrawl"]),
        // The CLI: thin commands over the libraries.
        .executableTarget(
            name: "winnow",
            dependencies: [
                "WinnowDOM", "WinnowFetch", "WinnowExtract", "WinnowOutput", "WinnowRules", "WinnowPipeline",
                "WinnowDaemon", "WinnowDemoSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Each test target reads the pages and files it was written with from its own Fixtures folder.
        // Throughput benchmark (parse-only vs parse+extract, peak memory); never part of the test targets.
        .executableTarget(
            name: "winnow-bench", dependencies: ["WinnowDOM", "WinnowExtract"], path: "Benchmarks/winnow-bench"
        ),
        // The misbehaving loopback web of scripts/bench-load.
        .executableTarget(
            name: "winnow-loadsite", dependencies: ["WinnowTestSupport"], path: "Benchmarks/winnow-loadsite"
        ),

        .testTarget(
            name: "WinnowDOMTests", dependencies: ["WinnowDOM", "WinnowTestSupport"], resources: [.copy("Fixtures")]
        ),
        // A loopback HTTP/1.1 server for the fetch, pipeline, daemon and CLI tests, with faults on demand (zlib
        // builds its compression bombs); a small-stack runner for the hostile-input tests.
        .target(name: "WinnowTestSupport", dependencies: ["CZlib"], path: "Tests/WinnowTestSupport"),
        .testTarget(
            name: "WinnowFetchTests", dependencies: ["WinnowFetch", "WinnowTestSupport"], resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WinnowExtractTests", dependencies: ["WinnowExtract", "WinnowDOM", "WinnowTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WinnowOutputTests", dependencies: ["WinnowOutput", "WinnowExtract"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "WinnowRulesTests", dependencies: ["WinnowRules", "WinnowDOM"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "WinnowPipelineTests",
            dependencies: ["WinnowPipeline", "WinnowTestSupport", "WinnowDOM", "WinnowRules", "WinnowExtract"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "WinnowCrawlTests", dependencies: ["WinnowCrawl", "WinnowTestSupport"]),
        .testTarget(
            name: "WinnowSourcesTests", dependencies: ["WinnowSources", "WinnowTestSupport"], resources: [.copy("Fixtures")]
        ),
        // GRDB too: the migration tests write an old-schema database by hand.
        .testTarget(
            name: "WinnowStateTests",
            dependencies: ["WinnowState", "WinnowCrawl", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "WinnowDaemonTests", dependencies: ["WinnowDaemon", "WinnowTestSupport"]),
        .testTarget(name: "WinnowDemoSiteTests", dependencies: ["WinnowDemoSite", "WinnowCrawl", "WinnowTestSupport"]),
        .testTarget(
            name: "WinnowCLITests", dependencies: ["winnow", "WinnowTestSupport", "WinnowState"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
