/// The picture file formats stockterm tells apart by their first bytes.
///
/// Only ``jpeg`` and ``png`` can be decoded; the others are recognised so that the message can
/// name what arrived ("WebP is not supported") rather than call it "not an image".
///
/// ```swift
/// ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0])   // .jpeg
/// ImageFormat.sniff(Array("<!DOCTYPE".utf8))     // nil
/// ```
public enum ImageFormat: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// JPEG/JFIF/Exif: starts with the SOI marker `FF D8 FF`.
    case jpeg
    /// PNG: starts with `89 50 4E 47 0D 0A 1A 0A`.
    case png
    /// WebP: a RIFF container of form type `WEBP`.
    case webp
    /// GIF: starts with `GIF87a` or `GIF89a`.
    case gif

    /// The format whose signature `bytes` start with, or nil when none does.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset ..< offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        return nil
    }

    /// The format's usual name: "JPEG", "PNG", "WebP", "GIF".
    public var name: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        case .gif: "GIF"
        }
    }

    /// Whether ``ImageDecoder`` can decode this format.
    public var isDecodable: Bool { self == .jpeg || self == .png }

    /// The format's name, as messages print it.
    public var description: String { name }
}
