import WinnowPipeline
import WinnowRules

/// Site-rule files: the input is a rule file. It is parsed strictly and compatibly; the compatible parse
/// (offending lines skipped) is then applied to a small fixed page through the pipeline, which runs the
/// raw-HTML replacements, XPath/CSS selections, strips and the extractor. Diagnostics must carry line numbers
/// inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = RuleParser(mode: .strict).parse(text, name: "example.com", path: "sites/example.com.txt")
    let parsed = RuleParser(mode: .compatible).parse(text, name: "example.com", path: "sites/example.com.txt")
    _ = parsed.diagnostics.map(\.description)
    guard parsed.rule.isUsable else { return 0 }
    let rules = RuleSet(host: "example.com", sources: [parsed.rule])
    _ = try? pipeline.extract(html: page, url: "https://example.com/2026/05/story.html", rules: rules)
    return 0
}

let pipeline = StoryPipeline(library: nil)

/// A small page with the parts rules usually aim at.
let page = Array("""
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbor story | Example News</title>
    <meta property="og:title" content="Harbor story"><meta name="author" content="A. Writer">
    <meta property="article:published_time" content="2026-05-01T08:00:00Z"></head>
    <body><header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <main><article id="story" class="post-content"><h1 class="headline">Harbor story</h1>
    <p class="byline">By <span class="author">A. Writer</span>, <time datetime="2026-05-01">May 1</time></p>
    <div class="entry-content"><p>The first paragraph of the story, long enough to count as content.</p>
    <div class="ad">Advertisement</div><figure><img src="/img/a.jpg" alt="A ship"><figcaption>A ship</figcaption></figure>
    <p>The second paragraph, with <a href="/more">a link</a> and <em>emphasis</em>.</p>
    <ul><li>One</li><li>Two</li></ul></div>
    <a class="next" rel="next" href="/2026/05/story.html?page=2">Next page</a></article></main>
    <footer><p>Copyright Example News</p></footer></body></html>
    """.utf8)
