import Foundation
import WinnowDOM
@testable import WinnowExtract

/// A fixed clock (2025-06-01T12:00:00Z) so "not in the future" checks are deterministic.
let metadataTestNow = Date(timeIntervalSince1970: 1_748_779_200)

/// Parses `html` and extracts its metadata as if fetched from `url`.
func extractMetadata(_ html: String, url: String? = "https://news.example.org/world/story-slug") throws -> Metadata {
    let document = try Document(html: html, url: url)
    return MetadataExtractor.extract(from: document, url: url, now: metadataTestNow)
}

/// A page with the given head and body markup.
func page(head: String = "", body: String = "", lang: String? = nil) -> String {
    let langAttribute = lang.map { " lang=\"\($0)\"" } ?? ""
    return "<!DOCTYPE html><html\(langAttribute)><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
}

/// A JSON-LD script element.
func jsonLDScript(_ json: String) -> String {
    "<script type=\"application/ld+json\">\(json)</script>"
}
