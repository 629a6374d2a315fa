import Foundation

/// Turns raw author strings ("By Jane Doe and John Roe | Updated March 5", "jane@x.com", "Jane Doe, Staff
/// Writer") into clean person names. Pure and table-driven: the word lists below are the heuristics.
public enum AuthorCleaner {
    /// Prefixes that introduce a byline ("By", "Written by", "von", "par", "por"...), lowercased.
    static let prefixes = [
        "written and reported by", "written by", "posted by", "authored by", "published by", "story by",
        "words by", "text by", "article by", "reported by", "created by", "submitted by", "compiled by",
        "author:", "authors:", "contributors:", "contributor:", "author", "authors", "by:", "by", "von", "par", "por",
        "door", "di", "da",
        // "Author" as a byline label in other major languages ("Autor: Jan Nowak", "Автор: …", "作者：李明",
        // "بقلم: …", "מאת: …"); the colon after it is dropped with the label.
        "autor", "autora", "autore", "auteur", "автор", "yazar", "作者", "بقلم", "מאת", "लेखक",
        // "By" and "author" in Swedish, Danish and Norwegian ("Av Linnea Holm", "Af Mette Larsen"), Polish,
        // Indonesian ("Oleh …", "Penulis: …"), Czech ("Autoři: …"), Ukrainian, Greek (genitive "Του"/"Της" and
        // "Γράφει", "writes"), Vietnamese ("Tác giả: …"), Hungarian ("Szerző: …") and Finnish ("Teksti: …").
        "av", "af", "przez", "oleh", "penulis", "autoři", "автори", "γράφει", "του", "της", "tác giả", "szerző",
        "teksti",
    ]

    /// Words that end the name part of a byline: what follows is a date, a role or a place.
    static let stopWords: Set<String> = Set([
        "on", "updated", "update", "published", "posted", "last", "at", "for", "in", "with", "from", "via",
        "am", "um", "le", "el", "el", "modified", "reviewed", "fact", "edited", "photos", "photo",
        "min", "mins", "minute", "minutes", "read", "hours", "hour", "ago", "share",
        // Korean news bylines put the input and revision stamps right after the name ("김민준 기자 입력 2026.05.12").
        "입력", "수정", "기사입력", "승인", "등록",
    ]).union(calendarWords)

    /// Month names that are as often a surname or a word: they end a name only before a number.
    static let monthsAlsoWords: Set<String> = ["may"]

    /// Labels that introduce the writer's name after a colon inside a byline part ("Text: Jane Doe",
    /// "Texto: Ana Ruiz"), lowercased; a part labelled anything else is another field.
    static let creditLabels: Set<String> = [
        "text", "texte", "texto", "testo", "tekst", "words", "story", "reporting", "report", "written by",
        "author", "authors", "autor", "autorin", "auteur", "autore", "writer", "by", "von", "par", "por",
        "autora", "автор", "yazar", "作者", "記者", "记者", "بقلم", "מאת", "लेखक",
    ]

    /// Month and weekday names: they end a name where a date follows it ("Jane Doe | Sat, 6 Dec", "Jane Doe
    /// March 5"), and a part that is only one is no name. Several are also given names ("April Fulton", "Laura
    /// June Smith", "Jan Novak"): see `startsDate`.
    static let calendarWords: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    ]

    /// Role words that name a group when they follow its name ("Resy Staff", "The Currency editors", "Our
    /// Editors"): such a credit is kept whole instead of being cut down to the group's bare name.
    static let collectiveRoles: Set<String> = [
        "staff", "team", "editors", "editor", "desk", "newsroom", "contributor", "contributors", "writers",
    ]

    /// Job titles and credentials: a part made only of these words is a role, not a person.
    static let roleWords: Set<String> = Set([
        "staff", "writer", "writers", "editor", "editors", "senior", "contributing", "contributor", "reporter",
        "correspondent", "columnist", "journalist", "photographer", "producer", "associate", "managing",
        "news", "digital", "freelance", "special", "to", "the", "chief", "executive", "deputy", "assistant",
        "political", "science", "sports", "business", "health", "technology", "tech", "features", "culture",
        "guest", "author", "authors", "content", "manager", "director", "ceo", "founder",
        "co-founder", "head", "lead", "of", "and", "marketing", "specialist", "expert", "strategist",
        "phd", "ph.d", "ph.d.", "md", "m.d.", "rn", "ms", "m.s.", "rd", "mba", "jr", "jr.", "sr", "sr.",
        "ii", "iii", "esq", "cpa", "dr", "dr.", "prof", "prof.", "mph", "ma", "ba", "bsc", "msc", "lcsw",
        "cfp", "pe", "fand", "ldn", "cdn", "cscs", "np", "pharmd", "dvm", "jd", "attorney", "reviewer", "former",
        "dietitian", "nutritionist", "physician", "therapist", "researcher", "analyst", "consultant",
    ]).union(titlesAfterName)

    /// Reporter titles that Korean, Japanese and Chinese bylines write after the name ("김민준 기자", "山田太郎記者"
    /// as "山田太郎 記者"): a role, never part of the name even after a one-word name.
    static let titlesAfterName: Set<String> = Vocabulary.reporterTitles

    /// Role words that make a later byline part a job description ("Jane Doe, Head, Community Development"):
    /// the role words without the connectors and subject words that also occur in names of people's outlets.
    static let descriptiveRoles: Set<String> = roleWords.subtracting([
        "the", "to", "of", "and", "special", "news", "digital", "science", "sports", "business", "health",
        "technology", "tech", "features", "culture", "political", "marketing", "content",
    ])

    /// Lowercase words allowed inside a person's name (particles); any other lowercase word means prose.
    static let particles: Set<String> = [
        "van", "der", "den", "de", "la", "le", "von", "da", "di", "du", "del", "della", "dos", "das", "bin",
        "al", "el", "ten", "ter", "y", "e", "zu", "st.", "mc",
    ]

    /// News agencies whose name follows the reporter's in a wire story's credit ("By Jane Doe Associated
    /// Press", "John Roe Reuters"). Names that are also surnames (Bloomberg) are left out.
    static let newsAgencies: [String] = [
        "The Associated Press", "Associated Press", "Reuters", "Agence France-Presse", "AFP", "The Canadian Press",
        "Canadian Press", "Australian Associated Press", "AAP", "Press Association", "PA Media", "Press Trust of India",
        "PTI", "IANS", "dpa", "EFE", "ANSA", "Kyodo News", "Xinhua", "Yonhap", "AP", "UPI",
        "United Press International", "Thomson Reuters", "Agence France Presse", "Bloomberg News",
        "Deutsche Presse-Agentur", "Agencia EFE", "Europa Press", "Kyodo", "RIA Novosti", "TASS", "Anadolu Agency",
        "Agência Brasil", "Agência Lusa", "Keystone-SDA", "ANP", "NTB", "PAP", "MTI", "WAFA", "KUNA", "WAM",
        "Bernama", "ANI",
    ]

    /// Role words of credits other than the writer's, before "by" ("Photos by …", "Edited by …"), lowercased.
    static let otherCreditRoles: Set<String> = [
        "photo", "photos", "photograph", "photographs", "photography", "pictures", "images", "illustration",
        "illustrations", "video", "videos", "graphics", "design", "edited", "editing", "translated", "translation",
    ]

    /// Whether a byline part credits someone else's work ("Photos by John Roe", "Editing by Sam Lee").
    static func isOtherCredit(_ part: Substring) -> Bool {
        let words = part.split(separator: " ")
        guard words.count >= 3, let by = words.firstIndex(where: { $0.lowercased() == "by" }), by > 0 else { return false }
        return otherCreditRoles.contains(words[by - 1].lowercased())
    }

    /// Whether a byline part is only a news agency's name ("Reuters", "(AFP)", "Associated Press").
    static func isNewsAgency(_ part: Substring) -> Bool {
        let key = normalizedKey(String(part.filter { $0 != "(" && $0 != ")" }))
        return !key.isEmpty && newsAgencyKeys.contains(key)
    }

    static let newsAgencyKeys = Set(newsAgencies.map(normalizedKey))

    /// A news agency's name and its number of words.
    struct Agency {
        let name: String
        let words: Int
    }

    /// `newsAgencies` with their word counts, in order.
    static let agencies = newsAgencies.map { Agency(name: $0, words: $0.split(separator: " ").count) }

    /// The name without the first of `newsAgencies` that ends it (`withoutTrailingOutlet`), nil when none does.
    /// Only agencies that leave at least two of the name's words are tried: the others cannot end it, and trying
    /// each split the name again.
    static func withoutTrailingAgency(_ name: String) -> String? {
        let nameWords = name.split(separator: " ").count
        return agencies.lazy.filter { nameWords >= $0.words + 2 }
            .compactMap { withoutTrailingOutlet(name, outlet: $0.name) }.first
    }

    /// Lowercase words that join the parts of an organisation's name ("Center for ... and Research").
    static let connectors: Set<String> = ["for", "and", "of", "the", "&", "in", "at", "with"]

    /// Values that are placeholders, not people.
    static let placeholders: Set<String> = [
        "admin", "administrator", "staff", "editor", "editors", "guest", "unknown", "anonymous", "author",
        "webmaster", "redaktion", "redacción", "rédaction", "user", "root", "null", "none", "undefined",
        "editorial", "editorial staff", "editorial team", "news desk", "newsdesk", "wire", "by",
    ]

    /// Clean names from one raw author value; `siteName` drops outlet names posing as authors.
    /// `visibleText`: the value is page text (a byline element or a "By ..." line), not a declared author, so
    /// a part that starts in lowercase is prose ("By clicking submit", "by signing up"), not a name.
    public static func clean(_ raw: String, siteName: String? = nil, visibleText: Bool = false) -> [String] {
        cleanNames(raw, siteName: siteName, visibleText: visibleText)
    }

    static func cleanNames(_ raw: String, siteName: String?, visibleText: Bool = false) -> [String] {
        var text = decodeEntities(raw).collapsingWhitespaceLocal()
        if text.isEmpty || text.count > 300 || looksLikeURL(text) { return [] }
        text = stripPrefix(text)
        var names: [String] = []
        let siteKey = siteName.map(normalizedKey)
        for part in split(text) {
            // "Name, role[, department or employer]": once a later part describes a job, the rest is about it.
            if !names.isEmpty, isJobDescription(part) { break }
            // Another credit ("Photos by John Roe", "Edited by Sam Lee") names someone who did not write it.
            if isOtherCredit(part) { continue }
            // "By Jane Doe, Reuters": the wire agency after the reporter is no second author.
            if !names.isEmpty, isNewsAgency(part) { continue }
            guard var name = cleanPart(part) else { continue }
            if visibleText, name.first?.isLowercase ?? false { continue }
            if let siteKey, !siteKey.isEmpty, normalizedKey(name) == siteKey { continue }
            // A visible credit followed by the outlet's name ("Jane Doe Harbour Times"): the outlet is cut.
            if let siteName, let person = withoutTrailingOutlet(name, outlet: siteName) { name = person }
            // A wire story's credit on the site that runs it ("By Jane Doe Associated Press"): the agency is cut.
            if let person = withoutTrailingAgency(name) { name = person }
            names.append(name)
            // "Jane Doe Staff Writer, Business": the part ended in a role, so what follows is its desk.
            if endsWithRole(part) { break }
        }
        return merge(names)
    }

    /// Cleans a list of raw values and merges duplicates.
    public static func clean(_ raws: [String], siteName: String? = nil) -> [String] {
        merge(raws.flatMap { clean($0, siteName: siteName) })
    }

    // MARK: Stages

    static func decodeEntities(_ text: String) -> String { text.decodingLeftoverEntities().repairingDoubleEncodedUTF8() }

    static func looksLikeURL(_ text: String) -> Bool {
        text.contains("://") || text.hasPrefix("www.") || text.hasPrefix("/")
    }

    /// Removes everything up to a leading "By"/"Written by"... and, when "by" appears after a short lead-in
    /// ("Posted on March 5, 2024 by Jane"), everything before it.
    static func stripPrefix(_ text: String) -> String {
        var current = Substring(text)
        var changed = true
        while changed {
            changed = false
            let lower = current.lowercased()
            for prefix in prefixes where lower.hasPrefix(prefix) {
                let after = current.dropFirst(prefix.count)
                // A prefix must end at a word boundary ("Byron" is a name).
                if let first = after.first, first.isLetter, !prefix.hasSuffix(":") { continue }
                current = after.drop { $0 == " " || $0 == ":" || $0 == "：" || $0 == "-" || $0 == "–" }
                changed = !current.isEmpty
                break
            }
        }
        // "Jane Doe • Photos by John Roe": a "by" after another credit's role word starts that credit, not the byline.
        if let range = current.range(of: " by ", options: .caseInsensitive),
           !otherCreditRoles.contains(current[..<range.lowerBound].split(separator: " ").last.map { $0.lowercased() } ?? "") {
            current = current[range.upperBound...]
        }
        return String(current)
    }

    /// Splits a byline into per-person parts on ",", ";", "|", "/", "·", "•" and line breaks; then on " and ",
    /// "&", "und", "y", "et" only when both sides are multi-word names ("Maria & Katerina" stays one credit,
    /// "Center for Drug Evaluation and Research" is not cut into "Center" and "Research" unless both halves are names).
    /// "And" between two names, in major languages (English, German, Spanish, French, Portuguese and Italian,
    /// Danish and Norwegian, Dutch, Swedish, Indonesian, Ukrainian, Russian, Turkish, Greek,
    /// Hungarian, Finnish, Romanian, Vietnamese).
    static let nameJoiners = [
        " and ", " & ", " und ", " y ", " et ", " e ", " og ", " en ", " och ", " dan ", " та ", " і ",
        " и ", " ve ", " και ", " és ", " ja ", " și ", " và ",
    ]

    static func split(_ text: String) -> [Substring] {
        let hard = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" || $0 == "/" || $0 == "·" || $0 == "•" || $0 == "\n" })
        var parts: [Substring] = []
        for piece in hard {
            var rest = piece
            var found = true
            while found {
                found = false
                for joiner in Self.nameJoiners {
                    guard let range = rest.foundationRange(of: joiner) else { continue }
                    let left = rest[..<range.lowerBound], right = rest[range.upperBound...]
                    let leftWords = left.split(separator: " ").count, rightWords = right.split(separator: " ").count
                    if leftWords >= 2 && rightWords >= 2 && leftWords <= 4 {
                        parts.append(left)
                        rest = right
                        found = true
                    }
                    break
                }
            }
            parts.append(rest)
        }
        return parts
    }

    /// `name` without the outlet's name at its end, when at least two words of a name remain; else nil.
    static func withoutTrailingOutlet(_ name: String, outlet: String) -> String? {
        let outletWords = outlet.split(separator: " ").count
        let words = name.split(separator: " ")
        guard outletWords >= 1, words.count >= outletWords + 2,
              normalizedKey(words.suffix(outletWords).joined(separator: " ")) == normalizedKey(outlet) else { return nil }
        return words.dropLast(outletWords).joined(separator: " ")
    }

    /// Whether a byline part of a name and more ends in a job word ("Jane Doe Staff Writer").
    static func endsWithRole(_ part: Substring) -> Bool {
        let words = part.split(separator: " ")
        guard words.count >= 3, let last = words.last else { return false }
        return descriptiveRoles.contains(last.lowercased().trimmingPunctuation())
    }

    /// Whether a byline part names a job ("Sr. Director of Operations", "Home Security Expert", "Writer").
    static func isJobDescription(_ part: Substring) -> Bool {
        part.split(separator: " ").contains { descriptiveRoles.contains($0.lowercased().trimmingPunctuation()) }
    }

    /// One person's name from one part, or nil when the part is not a name.
    /// `text` from its first letter to its last letter, period or closing parenthesis (empty without a letter).
    static func trimmedToName(_ text: String) -> String {
        let head = text.drop { !$0.isLetter }
        guard let last = head.lastIndex(where: { $0.isLetter || $0 == "." || $0 == ")" }) else { return "" }
        return String(head[...last])
    }

    static func cleanPart(_ part: Substring) -> String? {
        var words: [Substring] = []
        let all = part.split(separator: " ")
        var index = 0
        while index < all.count {
            let word = all[index]
            index += 1
            let lower = word.lowercased()
            if word.contains("@") { continue }  // emails and @handles
            // A parenthesis inside the name ("Paramita (Guha) Ghosh") belongs to it; one at the end closes the name.
            if word.first == "(", let close = all[(index - 1)...].firstIndex(where: { $0.last == ")" }), close + 1 < all.count,
               !words.isEmpty, close - (index - 1) < 3 {
                words.append(contentsOf: all[(index - 1)...close])
                index = close + 1
                continue
            }
            if word.first == "(" || word.first == "\"" || word.first == "“" { break }
            // A word ending in a colon ends a label, and the words before it are the label's. A writing credit's
            // label introduces the name ("Text: Jane Doe"); any other field names nobody ("Reading time: 3 min",
            // "Lesezeit: 3 Min.", "design: Jane Doe").
            if word.count > 1, word.last == ":" || word.last == "：" {
                let label = (words + [word.dropLast()]).joined(separator: " ").lowercased()
                guard creditLabels.contains(label) else { return nil }
                words.removeAll()
                continue
            }
            // "Jane Doe for The Times" ends at "for"; "Center for Coastal Studies" does not (one word before).
            let bare = lower.trimmingPunctuation()
            var stop = stopWords.contains(bare) || (bare.hasSuffix(".") && stopWords.contains(String(bare.dropLast())))
            if stop, calendarWords.contains(lower), !startsDate(word, next: index < all.count ? all[index] : nil) {
                stop = false
            }
            if stop, words.count >= 2 || !connectors.contains(lower) { break }
            if word.contains(where: { $0.isNumber }) { break }
            if word == "-" || word == "–" || word == "—" || word == ":" { break }
            // "Jane Doe Senior Autos Reporter": a capitalised job word after a name of two or three words starts the
            // job title (in prose, "Jane Doe As founder of…", the job word is lowercase).
            if (2...3).contains(words.count), word.first?.isUppercase ?? false, descriptiveRoles.contains(bare), !collectiveRoles.contains(bare) {
                break
            }
            words.append(word)
        }
        // A name does not end in a connector ("David at").
        while let last = words.last, connectors.contains(last.lowercased()) { words.removeLast() }
        // Avatar initials before the name ("CM Craig McCarthy").
        if words.count >= 3, let first = words.first, (2...3).contains(first.count), first == first.uppercased(),
           first.allSatisfy({ $0.isLetter }), String(words.dropFirst().prefix(first.count).compactMap(\.first)) == String(first) {
            words.removeFirst()
        }
        var roles: [Substring] = []
        while let last = words.last, roleWords.contains(last.lowercased().trimmingPunctuation()) || (last.count == 1 && !(last.first?.isLetter ?? false)) {
            roles.insert(words.removeLast(), at: 0)
        }
        // One role word after a one-word name is part of it ("Rui Ma", "Community Editor"); a collective role
        // after a "The/Our ..." name is a group credit ("The Almanac editors").
        var groupCredit = false
        if roles.count == 1, let role = roles.first, let first = words.first,
           !titlesAfterName.contains(role.lowercased().trimmingPunctuation()), words.count == 1
            || (collectiveRoles.contains(role.lowercased().trimmingPunctuation()) && ["the", "our"].contains(first.lowercased())) {
            words.append(role)
            groupCredit = true
        }
        guard !words.isEmpty, words.count <= 6 else { return nil }
        if words.allSatisfy({ roleWords.contains($0.lowercased().trimmingPunctuation()) }) { return nil }
        let name = trimmedToName(words.joined(separator: " "))
        guard name.count >= 2, name.count <= 60, name.contains(where: { $0.isLetter }) else { return nil }
        if placeholders.contains(name.lowercased()) { return nil }
        if name.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return nil }
        // Credentials in capitals ("MS", "RD", "E-RYT") and lowercase-only words are not names.
        // (A name in a script without case, "김민준", "李明", is no such credential.)
        if words.count == 1, name == name.uppercased(), name != name.lowercased(), name.count <= 5 { return nil }
        // Several words with a lowercase one that is not a particle: prose, not a name ("he specializes in").
        if words.count > 1, !groupCredit, words.contains(where: { w in
            (w.first?.isLowercase ?? false) && !particles.contains(w.lowercased()) && !connectors.contains(w.lowercased())
        }), name != name.lowercased() || words.count > 2 {
            return nil
        }
        return name
    }

    /// Whether a month or weekday word in a byline begins a date rather than being a given name: it does unless
    /// it is a bare capitalised word followed by another capitalised word that is neither a number nor a stop
    /// word ("April Fulton", "Laura June Smith" are names; "March 5", "Sat Dec 6", "June," and a trailing "June"
    /// are dates).
    static func startsDate(_ word: Substring, next: Substring?) -> Bool {
        // "May" is also a surname ("Tom May") and a verb: it starts a date only before a number.
        if monthsAlsoWords.contains(word.lowercased()) { return next?.first?.isNumber ?? false }
        guard word.first?.isUppercase ?? false, word.allSatisfy({ $0.isLetter }), let next,
              next.first?.isUppercase ?? false, !next.contains(where: { $0.isNumber }) else { return true }
        let nextBare = next.lowercased().trimmingPunctuation()
        return stopWords.contains(nextBare) || (nextBare.hasSuffix(".") && stopWords.contains(String(nextBare.dropLast())))
    }

    /// Whether a declared author is the publishing account rather than a person's credit: the site's name (or
    /// its registered domain name), or a handle — one token with a dot or underscore, or all lowercase.
    static func isAccountName(_ name: String, siteName: String?, host: String?) -> Bool {
        let nameKey = normalizedKey(name)
        guard !nameKey.isEmpty else { return false }
        if let siteName, normalizedKey(siteName) == nameKey { return true }
        if let host = host?.lowercased(), let registered = TitleReconciler.registeredName(host),
           normalizedKey(registered) == nameKey {
            return true
        }
        let trimmed = name.trimmedWhitespace()
        return !trimmed.contains(" ") && (trimmed.contains(".") || trimmed.contains("_") || trimmed == trimmed.lowercased())
    }

    /// Drops duplicates (case-insensitive) and names contained in a fuller form of themselves.
    static func merge(_ names: [String]) -> [String] {
        var result: [String] = []
        for name in names {
            let key = normalizedKey(name)
            if key.isEmpty { continue }
            if let existing = result.firstIndex(where: { normalizedKey($0).contains(key) || key.contains(normalizedKey($0)) }) {
                if name.count > result[existing].count { result[existing] = name }
                continue
            }
            result.append(name)
        }
        return result
    }

    /// Lowercased letters and digits only: the form names and outlets are compared in.
    static func normalizedKey(_ text: String) -> String { TextKey.make(text) }
}

extension String {
    /// Without leading punctuation, nor trailing punctuation other than "." (an initial's or "Jr."'s).
    /// Cut with indices, not by reversing twice: a String built from reversed Characters copies them one by one.
    func trimmingPunctuation() -> String {
        let head = drop { $0.isPunctuation }
        var end = head.endIndex
        while end > head.startIndex {
            let last = head.index(before: end)
            guard head[last].isPunctuation && head[last] != "." else { break }
            end = last
        }
        return String(head[..<end])
    }

    /// Whitespace runs to one space (a local copy so this file needs no DOM import).
    func collapsingWhitespaceLocal() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
