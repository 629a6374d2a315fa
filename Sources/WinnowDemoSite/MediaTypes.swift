/// The `Content-Type` the static site server sends for a file, chosen by its extension.
public enum MediaTypes {
    /// Extension (lowercased, without the dot) to media type. Text types name UTF-8, the encoding the demo
    /// site is written in; `.gz` is a file in its own right (a gzipped sitemap), never a `Content-Encoding`.
    public static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "xhtml": "application/xhtml+xml",
        "xml": "application/xml",
        "rss": "application/rss+xml",
        "atom": "application/atom+xml",
        "gz": "application/gzip",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "svg": "image/svg+xml",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
    ]

    /// The media type for a file name or path: by its last extension, `application/octet-stream` when unknown.
    public static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
