import WinnowDOM

/// Content a streaming server render sends late, put where the page's script would put it.
///
/// React's streaming SSR (Next.js app router and other React 18+ sites) sends the shell first, with a
/// placeholder where a suspended part goes (`<!--$?--><template id="B:0"></template>fallback<!--/$-->`, or a bare
/// `<template id="P:1"></template>` for a segment), and streams that part later at the end of `<body>` as
/// `<div hidden id="S:0">…</div>`, with a tiny script that moves the chunk's children into the placeholder
/// (removing the boundary's loading fallback) and drops the chunk. Left where it was sent, the content sits outside
/// the story's container; an article's body or its closing sections are lost.
///
/// The mirror notes the chunks and placeholders it meets (`PageTree.ClassifyCache`); only a page that has both
/// is rearranged, and then mirrored again.
enum StreamedContent {
    /// The `S:` chunks and the `B:`/`P:` placeholder templates one mirror met.
    struct Parts {
        var chunks: [Node] = []
        var placeholders: [String: Node] = [:]

        var isEmpty: Bool { chunks.isEmpty || placeholders.isEmpty }
    }

    /// Moves every chunk with a placeholder into it, as the page's script does; true when anything moved.
    static func resolve(_ parts: Parts) -> Bool {
        var moved = false
        for chunk in parts.chunks {
            guard let id = chunk.attribute("id"), id.hasPrefix("S:") else { continue }
            let key = id.dropFirst(2)
            let boundary = parts.placeholders["B:" + key]
            guard let placeholder = boundary ?? parts.placeholders["P:" + key], !chunk.contains(placeholder) else {
                continue
            }
            let anchor = boundary.map(removeFallback(after:)) ?? placeholder
            guard chunk.moveChildren(before: anchor) else { continue }
            placeholder.remove()
            chunk.remove()
            moved = true
        }
        return moved
    }

    /// Removes a suspense boundary's loading fallback and returns where the content goes. React marks the
    /// boundary with comments (`<!--$?--><template id="B:0"></template>fallback<!--/$-->`): the fallback is the
    /// siblings up to the closing `<!--/$-->` (nested boundaries counted), and the content goes before that
    /// comment. A page saved without its comments keeps only the template: then the element right after it is
    /// taken for the fallback when it holds almost no text (`streamedFallbackMaxChars`) and is not a heading,
    /// and the content goes where the template is.
    private static func removeFallback(after template: Node) -> Node {
        guard let opening = template.previousSibling, opening.kind == .comment, marker(opening) == .open else {
            removeUnmarkedFallback(after: template)
            return template
        }
        var depth = 0
        var cursor = template.nextSibling
        var closing: Node?
        while let node = cursor {
            if node.kind == .comment {
                let kind = marker(node)
                if kind == .close {
                    if depth == 0 { closing = node; break }
                    depth -= 1
                } else if kind == .open {
                    depth += 1
                }
            }
            cursor = node.nextSibling
        }
        guard let closing else { return template }
        while let node = template.nextSibling, node != closing { node.remove() }
        return closing
    }

    private static func removeUnmarkedFallback(after template: Node) {
        var cursor = template.nextSibling
        while let node = cursor, node.isText, node.ownText.allSatisfy(\.isWhitespace) {
            cursor = node.nextSibling
        }
        guard let next = cursor, next.isElement else { return }
        let tag = HTMLTag.named(next.name)
        guard tag != .template, tag.headingLevel == nil else { return }
        var count = 0
        for character in next.text where !character.isWhitespace {
            count += 1
            if count > Vocabulary.Threshold.streamedFallbackMaxChars { return }
        }
        next.remove()
    }

    private enum Marker { case open, close, other }

    /// A suspense boundary's comment: `$`, `$?`, `$!` open one, `/$` closes it.
    private static func marker(_ comment: Node) -> Marker {
        comment.withOwnTextBytes { bytes in
            switch Array(bytes) {
            case [0x24], [0x24, 0x3F], [0x24, 0x21]: .open
            case [0x2F, 0x24]: .close
            default: .other
            }
        }
    }
}
