import CLibXML2

/// Repairs the libxml2 2.9 tree shapes that differ from a browser's in ways extractors feel:
///
/// 1. Content after a premature `</body>` or `</html>`: libxml2 leaves it as siblings of `<body>` under the root,
///    or inside a second `<html>` nested in the root (`/html/html/p`). Browsers put all of it into the body, and
///    pages with a stray `</body></html>` before the real content (template includes, injected analytics) are
///    common.
/// 2. HTML5 block elements inside `<p>`: libxml2 2.9 does not know `<article>`, `<section>`, `<figure>` & co., so
///    `<p>text<figure>…</figure>more</p>` keeps the figure inside the paragraph. Browsers close the paragraph at
///    the block; the block and what follows become the paragraph's next siblings.
///
/// The tree is normalised once after parsing, before any `Node` value exists (which is why plain libxml2 tree
/// functions, which may merge and free text nodes, are safe here).
struct HTMLTreeNormalizer {
    let document: xmlDocPtr

    /// Elements that close an open `<p>` in the HTML standard but are unknown to libxml2 2.9's HTML 4 tables.
    static let paragraphClosers: Set<String> = [
        "article", "aside", "details", "dialog", "figcaption", "figure", "footer", "header", "hgroup", "main",
        "menu", "nav", "search", "section", "summary",
    ]

    func run() {
        moveContentAfterBody()
        closeParagraphsAtBlocks()
    }

    /// Fix 2: splits every `<p>` at its first child that is an HTML5 block element.
    private func closeParagraphsAtBlocks() {
        guard let root = xmlDocGetRootElement(document) else { return }
        var paragraphs: [xmlNodePtr] = []
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            if let name = node.pointee.name, xmlStrEqual(name, "p") != 0 { paragraphs.append(node) }
            var child = node.pointee.last
            while let current = child {
                stack.append(current)
                child = current.pointee.prev
            }
        }
        for paragraph in paragraphs {
            var child = paragraph.pointee.children
            var splitAt: xmlNodePtr?
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name,
                   Self.paragraphClosers.contains(String(cString: name)) {
                    splitAt = current
                    break
                }
                child = current.pointee.next
            }
            guard let first = splitAt else { continue }
            // Move `first` and everything after it to just after the paragraph, keeping their order.
            var insertAfter = paragraph
            var cursor: xmlNodePtr? = first
            while let node = cursor {
                cursor = node.pointee.next
                xmlUnlinkNode(node)
                if let added = xmlAddNextSibling(insertAfter, node) { insertAfter = added }
            }
        }
    }

    /// Fix 1: moves everything after `<body>` into it.
    private func moveContentAfterBody() {
        guard let root = xmlDocGetRootElement(document),
              let body = firstChild(of: root, named: "body") else { return }
        // Everything after <body>, in document order; a stack (reversed) so wrappers can be opened in place
        // without recursion (concatenated pages can nest <html> many levels deep).
        var pending: [xmlNodePtr] = []
        var cursor = body.pointee.next
        while let node = cursor {
            pending.append(node)
            cursor = node.pointee.next
        }
        pending.reverse()
        while let node = pending.popLast() {
            xmlUnlinkNode(node)
            if node.pointee.type == XML_ELEMENT_NODE, isWrapper(node) {
                // A second html/head/body: dissolve it and process its children in its place.
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                for current in children { xmlUnlinkNode(current) }
                pending.append(contentsOf: children.reversed())
                xmlFreeNode(node)
            } else if xmlAddChild(body, node) == nil {
                xmlFreeNode(node)
            }
        }
    }

    private func isWrapper(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        return xmlStrEqual(name, "html") != 0 || xmlStrEqual(name, "head") != 0 || xmlStrEqual(name, "body") != 0
    }

    private func firstChild(of node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let childName = current.pointee.name,
               xmlStrEqual(childName, name) != 0 {
                return current
            }
            child = current.pointee.next
        }
        return nil
    }
}
