import Foundation

/// Makes a name a service sends (or an asset's title) into one safe file name in a download
/// directory: never a path, never hidden, never an option to a shell command, nothing a terminal
/// acts on, and with an extension from a short list of media types.
///
/// What it does, in order: drops terminal controls and escape sequences (`SafeText.sanitize`),
/// invisible format characters (bidi marks, zero-width spaces) and NUL; composes Unicode (NFC);
/// splits on `/` and `\` and drops the `.` and `..` components, joining the rest with `_`; turns
/// `< > : " | ? *` into `_` (they break Windows shares and shell globs); collapses whitespace;
/// strips leading dots, dashes and spaces and trailing dots and spaces; caps the name at
/// `maxBytes` UTF-8 bytes keeping the extension; and falls back to `fallback` when nothing is
/// left. Letters of every script stay ("Алматы таулары.jpg").
///
/// ```swift
/// SafeFileName.make("../../etc/passwd")                          // "etc_passwd"
/// SafeFileName.make("-rf .jpg")                                  // "rf.jpg"
/// SafeFileName.make("Көктем в Алматы", defaultExtension: "jpg")  // "Көктем в Алматы.jpg"
/// SafeFileName.make("invoice.sh", defaultExtension: "jpg")       // "invoice_sh.jpg"
/// SafeFileName.uniqueURL(in: dir, name: "lake.jpg")              // …/lake (1).jpg if lake.jpg exists
/// ```
public enum SafeFileName {
    /// The extensions a downloaded file may have (compared without case).
    public static let allowedExtensions: Set<String> = [
        "jpg", "jpeg", "png", "tif", "tiff", "eps", "ai", "svg", "psd", "mp4", "mov", "webm", "zip",
    ]
    /// The longest name, in UTF-8 bytes (file systems allow 255; room is left for a partial
    /// file's suffix and a " (12)" counter).
    public static let maxBytes = 200
    /// The name used when nothing of the original is left.
    public static let defaultFallback = "download"

    /// A single safe file name for `untrusted`.
    ///
    /// An extension in `allowedExtensions` is kept. Any other extension is not trusted: its dot
    /// becomes `_` ("run.sh" → "run_sh"), and `defaultExtension` (if it is allowed) is appended,
    /// as it is to a name with no extension at all. Only 1 to 5 ASCII letters or digits after the
    /// last dot count as an extension, so "Dawn. Almaty" has none.
    public static func make(_ untrusted: String, defaultExtension: String? = nil, fallback: String = defaultFallback) -> String {
        let cleaned = clean(untrusted)
        var (stem, ext) = split(cleaned)
        if let e = ext, !isAllowed(extension: e) {
            stem = stem.isEmpty ? e : stem + "_" + e
            ext = nil
        }
        if ext == nil, let d = defaultExtension.map(clean), isAllowed(extension: d) { ext = d }
        stem = trimEnds(stem)
        if stem.isEmpty {
            let f = trimEnds(clean(fallback))
            stem = f.isEmpty ? defaultFallback : f
        }
        let suffix = ext.map { "." + $0 } ?? ""
        stem = trimEnds(prefix(of: stem, bytes: maxBytes - suffix.utf8.count))
        if stem.isEmpty { stem = defaultFallback }
        return stem + suffix
    }

    /// Whether anything of `untrusted` survives cleaning ("..", "/", "\u{1B}[2J" do not).
    public static func hasUsableName(_ untrusted: String) -> Bool {
        !trimEnds(split(clean(untrusted)).stem).isEmpty
    }

    /// Whether `ext` (without its dot) is one a downloaded file may have.
    public static func isAllowed(extension ext: String) -> Bool {
        allowedExtensions.contains(ext.lowercased())
    }

    /// The name's extension, lower-cased, when it is in `allowedExtensions`; otherwise nil.
    public static func allowedExtension(of name: String) -> String? {
        guard let ext = split(name).ext, isAllowed(extension: ext) else { return nil }
        return ext.lowercased()
    }

    /// The first of "name.jpg", "name (1).jpg", "name (2).jpg" … that does not exist in
    /// `directory` (a dangling symbolic link counts as existing). Saving must still refuse to
    /// replace a file that appeared in the meantime (`Downloader` links without replacing).
    public static func uniqueURL(in directory: URL, name: String) -> URL {
        var n = 0
        while true {
            let url = directory.appendingPathComponent(numbered(name, n), isDirectory: false)
            if !exists(url) { return url }
            n += 1
        }
    }

    /// "name.jpg" for 0, "name (n).jpg" otherwise.
    public static func numbered(_ name: String, _ n: Int) -> String {
        guard n > 0 else { return name }
        let (stem, ext) = split(name)
        return "\(stem) (\(n))" + (ext.map { "." + $0 } ?? "")
    }

    // MARK: - Pieces

    /// Controls, escapes and invisible characters out; path separators and reserved punctuation
    /// neutralised; `.` and `..` components gone; whitespace collapsed; leading dots and dashes off.
    static func clean(_ text: String) -> String {
        let visible = SafeText.sanitize(text).precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for s in visible.unicodeScalars {
            switch s.value {
            case 0x200C, 0x200D: scalars.append(s)                 // ZWNJ, ZWJ: part of some scripts and emoji
            case 0x2F, 0x5C: scalars.append("/")                   // both separators, split below
            case 0x3C, 0x3E, 0x3A, 0x22, 0x7C, 0x3F, 0x2A: scalars.append("_")
            default:
                if s.properties.generalCategory == .format { continue }   // bidi marks, zero-width space, BOM
                if s.properties.isWhitespace { scalars.append(" ") } else { scalars.append(s) }
            }
        }
        let components = String(scalars).split(separator: "/").map { trimEnds(String($0)) }
            .filter { !$0.isEmpty && !$0.allSatisfy { $0 == "." } }
        var joined = components.joined(separator: "_")
        while joined.contains("  ") { joined = joined.replacingOccurrences(of: "  ", with: " ") }
        return trimEnds(joined)
    }

    /// Without leading dots, dashes and spaces, and without trailing dots and spaces.
    static func trimEnds(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c == "." || c == "-" || c == " " { s.removeFirst() }
        while let c = s.last, c == "." || c == " " { s.removeLast() }
        return String(s)
    }

    /// The stem and the extension (1 to 5 ASCII letters or digits after the last dot, with a
    /// non-empty stem before it).
    static func split(_ name: String) -> (stem: String, ext: String?) {
        guard let dot = name.lastIndex(of: ".") else { return (name, nil) }
        let ext = name[name.index(after: dot)...]
        let stem = name[..<dot]
        guard !stem.isEmpty, (1...5).contains(ext.count),
              ext.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { return (name, nil) }
        return (String(stem), String(ext))
    }

    /// The longest prefix of whole characters that fits in `bytes` UTF-8 bytes.
    static func prefix(of text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let n = text[index].utf8.count
            if used + n > bytes { break }
            used += n
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    private static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }
}
