import Foundation

/// Decides whether to fetch another page of a multi-page article. Pure: the CLI/daemon fetches.
///
/// Guards against the two ways following goes wrong: endless pagination (a page cap) and loops
/// (a visited set keyed on the URL without its fragment, with scheme and host lower-cased).
public struct PageFollower: Sendable {
    /// Why following stopped.
    public enum StopReason: Sendable, Hashable {
        /// The page had no next-page link.
        case noNextLink
        /// `maximumPages` pages were already taken.
        case pageLimit(Int)
        /// The link points at a page already taken (a loop or a link back to page 1).
        case alreadyVisited(String)
        /// The link is not an absolute http(s) URL.
        case invalidURL(String)
    }

    /// What to do next.
    public enum Step: Sendable, Hashable {
        case follow(String)
        case stop(StopReason)
    }

    /// Pages to take in total, including the first.
    public let maximumPages: Int
    /// Normalised URLs already taken (the loop guard).
    public private(set) var visited: Set<String>
    /// Pages taken so far, including the first.
    public private(set) var pagesTaken: Int

    /// Starts with the first page already taken.
    public init(firstPage url: String, maximumPages: Int = 10) {
        self.maximumPages = max(1, maximumPages)
        self.visited = [Self.key(url) ?? url]
        self.pagesTaken = 1
    }

    /// Given the next-page link found on the page just processed, returns whether to follow it, and if so
    /// records it as taken.
    public mutating func next(link: String?) -> Step {
        guard let link, !link.trimmingSpaces().isEmpty else { return .stop(.noNextLink) }
        guard pagesTaken < maximumPages else { return .stop(.pageLimit(maximumPages)) }
        guard let key = Self.key(link) else { return .stop(.invalidURL(link)) }
        guard visited.insert(key).inserted else { return .stop(.alreadyVisited(link)) }
        pagesTaken += 1
        return .follow(link)
    }

    /// The identity of a page URL for loop detection; nil when not an absolute http(s) URL.
    static func key(_ url: String) -> String? {
        guard var components = URLComponents(string: url.trimmingSpaces()),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        components.fragment = nil
        if components.path.isEmpty { components.path = "/" }
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        return components.string
    }
}
