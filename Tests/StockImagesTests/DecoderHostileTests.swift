import CImageCodecs
import Testing
@testable import StockImages

/// Broken, truncated, huge and hostile input: each gives the right ImageError, never a crash, a
/// print, or a hang.
@Suite(.timeLimit(.minutes(2))) struct DecoderHostileTests {
    @Test func noBytes() {
        let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode([]) }
        #expect(error == .empty)
        #expect(error?.message == "not an image (no bytes)")
    }

    @Test func htmlIsNotAnImage() {
        let html = Array("<!DOCTYPE html><html><body>404 Not Found</body></html>".utf8)
        let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(html) }
        #expect(error == .notAnImage(firstBytes: [0x3C, 0x21, 0x44, 0x4F]))
        #expect(error?.message == "not an image (starts with 3C 21 44 4F)")
    }

    @Test func randomBytesAreNotAnImage() {
        var generator = SplitMix(seed: 6)
        for length in [1, 2, 3, 7, 64, 4096] {
            var bytes = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            if bytes.first == 0xFF || bytes.first == 0x89 { bytes[0] = 0x00 }
            let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(bytes) }
            #expect(error == .notAnImage(firstBytes: Array(bytes.prefix(4))))
        }
    }

    @Test func webPAndGIFAreRecognisedButNotDecoded() {
        let webp = Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [UInt8](repeating: 0, count: 24)
        let webpError = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(webp) }
        #expect(webpError == .unsupported(.webp, detail: nil))
        #expect(webpError?.message == "WebP is not supported")
        let gif = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0]
        #expect(DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(gif) } == .unsupported(.gif, detail: nil))
    }

    @Test(arguments: ["progressive.jpg", "baseline.jpg", "grayscale.jpg", "cmyk-adobe.jpg"])
    func aTruncatedJPEGIsCorrupt(name: String) throws {
        let bytes = try DecoderFixtures.bytes(name)
        for cut in [3, 4, 20, 100, 300, 1000, bytes.count / 2, bytes.count - 100, bytes.count - 2] {
            let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(Array(bytes.prefix(cut))) }
            guard case .corrupt(.jpeg, let detail) = error else {
                Issue.record("\(name) cut to \(cut) bytes gave \(String(describing: error))")
                continue
            }
            #expect(!detail.isEmpty)
        }
        let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(Array(bytes.prefix(bytes.count / 2))) }
        #expect(error?.message == "corrupt JPEG: Premature end of JPEG file")
    }

    @Test(arguments: ["palette.png", "rgba-interlaced.png", "rgb16.png", "gray-alpha.png"])
    func aTruncatedPNGIsCorrupt(name: String) throws {
        let bytes = try DecoderFixtures.bytes(name)
        // Within the signature's end, IHDR, the image data, and just before IEND (12 bytes).
        for cut in [8, 9, 20, 33, 40, bytes.count / 2, bytes.count - 13, bytes.count - 12, bytes.count - 1] {
            let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(Array(bytes.prefix(cut))) }
            #expect(error == .corrupt(.png, detail: "the file ends early"), "\(name) cut to \(cut) bytes")
        }
    }

    @Test func everySingleBitFlipInAPNGWithOnlyCriticalChunksIsCaught() throws {
        // IHDR, PLTE, IDAT, IEND: every chunk is checked by its CRC, and a flipped length runs
        // into one; the signature's bytes make it not a PNG at all.
        let bytes = try DecoderFixtures.bytes("palette.png")
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 1 << UInt8(index % 8)
            let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(flipped) }
            if index < 8 {
                #expect(error == .notAnImage(firstBytes: Array(flipped.prefix(4))), "flip at \(index)")
            } else {
                #expect(error?.isCorruptPNG == true, "flip at \(index) gave \(String(describing: error))")
            }
        }
    }

    @Test(arguments: ["progressive.jpg", "baseline.jpg", "rgba-interlaced.png"])
    func bitFlipsGiveAPictureOrACorruptionErrorNeverACrash(name: String) throws {
        let bytes = try DecoderFixtures.bytes(name)
        let format = try #require(ImageFormat.sniff(bytes))
        var caught = 0, decoded = 0
        var generator = SplitMix(seed: UInt64(bytes.count))
        for _ in 0 ..< 300 {
            var flipped = bytes
            let index = Int.random(in: 4 ..< bytes.count, using: &generator)
            flipped[index] ^= 1 << UInt8.random(in: 0 ... 7, using: &generator)
            do {
                let image = try ImageDecoder.decode(flipped)
                #expect(image.pixels.count == image.width * image.height * 3)
                decoded += 1
            } catch {
                switch error {
                case .corrupt(format, _), .unsupported(format, _), .tooManyPixels: caught += 1
                default: Issue.record("a flip at \(index) gave \(error)")
                }
            }
        }
        #expect(caught > 0)
        #expect(caught + decoded == 300)
    }

    @Test func aBadPNGCRCIsCorrupt() throws {
        var bytes = try DecoderFixtures.bytes("palette.png")
        bytes[29] ^= 0xFF   // the last byte of IHDR's CRC (8 signature + 8 + 13 data + 4)
        let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(bytes) }
        #expect(error == .corrupt(.png, detail: "IHDR: CRC error"))
        #expect(error?.message == "corrupt PNG: IHDR: CRC error")
    }

    @Test func aJPEGHeaderClaiming65500SquareIsRefusedBeforeDecoding() throws {
        for name in ["progressive.jpg", "baseline.jpg"] {
            var bytes = try DecoderFixtures.bytes(name)
            let sof = try #require(Self.startOfFrame(in: bytes))
            // FF Cn, length (2), precision (1), height (2), width (2).
            bytes[sof + 5] = 0xFF; bytes[sof + 6] = 0xDC; bytes[sof + 7] = 0xFF; bytes[sof + 8] = 0xDC
            let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(bytes) }
            #expect(error == .tooManyPixels(width: 65500, height: 65500, limit: 40_000_000))
            #expect(error?.message == "image too large: 65500×65500 pixels, limit 40 MP")
        }
    }

    @Test func aJPEGSideOverLibjpegsMaximumIsUnsupported() throws {
        var bytes = try DecoderFixtures.bytes("baseline.jpg")
        let sof = try #require(Self.startOfFrame(in: bytes))
        bytes[sof + 5] = 0xFF; bytes[sof + 6] = 0xFF; bytes[sof + 7] = 0x00; bytes[sof + 8] = 0x10   // 16×65535
        let error = DecoderFixtures.error { () throws(ImageError) in
            try ImageDecoder.decode(bytes, limits: ImageLimits(maxPixels: .max))
        }
        #expect(error == .unsupported(.jpeg, detail: "Maximum supported image dimension is 65500 pixels"))
    }

    @Test func aPNGHeaderClaiming65500SquareIsRefusedBeforeDecoding() throws {
        let bytes = try DecoderFixtures.bytes("rgba-interlaced.png")
        let patched = Self.patchingIHDR(bytes, width: 65500, height: 65500)
        let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(patched) }
        #expect(error == .tooManyPixels(width: 65500, height: 65500, limit: 40_000_000))
        // One side over the limit is refused by libpng's own limit, as large as well.
        let wide = Self.patchingIHDR(bytes, width: 50_000_000, height: 1)
        let wideError = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(wide) }
        #expect(wideError == .tooManyPixels(width: 50_000_000, height: 1, limit: 40_000_000))
        // Other IHDR problems say which, not libpng's catch-all "Invalid IHDR data".
        let zero = Self.patchingIHDR(bytes, width: 0, height: 69)
        let zeroError = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(zero) }
        #expect(zeroError == .corrupt(.png, detail: "Image width is zero in IHDR"))
        // Without a fixed CRC the patch is corruption.
        var unfixed = bytes
        unfixed[16 ..< 24] = patched[16 ..< 24]
        let unfixedError = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(unfixed) }
        #expect(unfixedError == .corrupt(.png, detail: "IHDR: CRC error"))
    }

    @Test func aSmallerPixelLimitRefusesRealFiles() throws {
        let limits = ImageLimits(maxPixels: 1000)
        let png = try DecoderFixtures.bytes("palette.png")
        let pngError = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(png, limits: limits) }
        #expect(pngError == .tooManyPixels(width: 72, height: 27, limit: 1000))
        #expect(pngError?.message == "image too large: 72×27 pixels, limit 1000 pixels")
        // The limit is on the declared size, even when the JPEG would be decoded scaled down.
        let jpeg = try DecoderFixtures.bytes("progressive.jpg")
        let jpegError = DecoderFixtures.error { () throws(ImageError) in
            try ImageDecoder.decode(jpeg, atLeast: (width: 10, height: 10), limits: ImageLimits(maxPixels: 150_000))
        }
        #expect(jpegError == .tooManyPixels(width: 493, height: 312, limit: 150_000))
        #expect(jpegError?.message == "image too large: 493×312 pixels, limit 0.2 MP")
    }

    @Test func moreBytesThanTheLimit() throws {
        let bytes = try DecoderFixtures.bytes("progressive.jpg")
        let error = DecoderFixtures.error { () throws(ImageError) in
            try ImageDecoder.decode(bytes, limits: ImageLimits(maxEncodedBytes: 9000))
        }
        #expect(error == .tooManyBytes(count: 9483, limit: 9000))
        #expect(error?.message == "image too large: 9483 bytes, limit 9000 bytes")
        #expect(ImageError.tooManyBytes(count: 25_300_000, limit: 20_000_000).message
                == "image too large: 25.3 MB, limit 20 MB")
    }

    @Test func aProgressiveJPEGWithMoreThan500ScansIsRefused() throws {
        // Valid (djpeg -maxscans 1000 decodes it), but 694 scans: the kind of file that keeps a
        // decoder busy for minutes when it is large.
        let bytes = try DecoderFixtures.bytes("many-scans.jpg")
        let error = DecoderFixtures.error { () throws(ImageError) in try ImageDecoder.decode(bytes) }
        #expect(error == .corrupt(.jpeg, detail: "more than 500 scans in a progressive JPEG"))
    }

    @Test func controlCharactersFromAFileNeverReachTheMessage() {
        let error = CodecStatus.error(STK_CORRUPT, format: .png,
                                      message: Array("a\u{1B}[31mb\nc".utf8CString), declared: (0, 0),
                                      limits: .standard)
        #expect(error == .corrupt(.png, detail: "ab c"))
    }

    /// The offset of the first SOFn marker (FF C0 … FF C2).
    static func startOfFrame(in bytes: [UInt8]) -> Int? {
        var i = 2
        while i + 4 < bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            if (0xC0 ... 0xC2).contains(marker) { return i }
            i += 2 + Int(bytes[i + 2]) << 8 + Int(bytes[i + 3])
        }
        return nil
    }

    /// `png` with IHDR's width and height replaced and its CRC made right again.
    static func patchingIHDR(_ png: [UInt8], width: UInt32, height: UInt32) -> [UInt8] {
        var bytes = png
        for (offset, value) in [(16, width), (20, height)] {
            for i in 0 ..< 4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(i))) }
        }
        let crc = CRC32.checksum(bytes[12 ..< 29])
        for i in 0 ..< 4 { bytes[29 + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(i))) }
        return bytes
    }
}

extension ImageError {
    var isCorruptPNG: Bool {
        if case .corrupt(.png, _) = self { return true }
        return false
    }
}

/// PNG's CRC-32, for patching headers.
enum CRC32 {
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A small seeded generator, so that the "random" inputs are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
