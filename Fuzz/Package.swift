// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Winnow's parsers of untrusted input. A separate package so that the main package's
// `swift build` and `swift test` never build them; it uses the main package's libraries by path.
// Build and run with scripts/fuzz (`swift build --sanitize=fuzzer --sanitize=address`); see README.md.
// Each target is one file defining `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
let package = Package(
    name: "WinnowFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Winnow", path: "..")],
    targets: [
        // bytes → charset detection + HTML parse → extractor → a renderer (`winnow extract`'s path).
        .executableTarget(name: "fuzz-html", dependencies: [
            .product(name: "WinnowPipeline", package: "Winnow"), .product(name: "WinnowOutput", package: "Winnow"),
        ]),
        // RSS / Atom / RDF feeds.
        .executableTarget(name: "fuzz-feed", dependencies: [.product(name: "WinnowSources", package: "Winnow")]),
        // XML sitemaps, sitemap indexes, plain-text URL lists, gzip bodies.
        .executableTarget(name: "fuzz-sitemap", dependencies: [.product(name: "WinnowSources", package: "Winnow")]),
        // robots.txt parsing and matching.
        .executableTarget(name: "fuzz-robots", dependencies: [.product(name: "WinnowCrawl", package: "Winnow")]),
        // URL normalization and reference resolution, with invariants.
        .executableTarget(name: "fuzz-url", dependencies: [.product(name: "WinnowCrawl", package: "Winnow")]),
        // Site-rule files, and the parsed rule applied to a small page.
        .executableTarget(name: "fuzz-rules", dependencies: [
            .product(name: "WinnowRules", package: "Winnow"), .product(name: "WinnowPipeline", package: "Winnow"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
