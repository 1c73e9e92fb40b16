import Testing
@testable import StockImages

/// Prints how long decoding a 500-pixel thumbnail for a 40×20-cell preview takes (figures for
/// docs/images.md and issue 6). Nothing here is timed against a bound: a loaded machine must not
/// fail it; it checks only that every decode gave the expected picture.
@Suite(.serialized) struct DecoderSpeedTests {
    @Test(arguments: ["baseline.jpg", "progressive.jpg"])
    func decodingA500PixelJPEGForA40By40Preview(name: String) throws {
        let bytes = try DecoderFixtures.bytes(name)
        let clock = ContinuousClock()
        let rounds = 200
        var sizes = Set<[Int]>()
        let scaled = try clock.measure {
            for _ in 0 ..< rounds {
                let image = try ImageDecoder.decode(bytes, atLeast: (width: 40, height: 40))
                sizes.insert([image.width, image.height])
            }
        }
        let full = try clock.measure {
            for _ in 0 ..< rounds {
                let image = try ImageDecoder.decode(bytes)
                sizes.insert([image.width, image.height])
            }
        }
        #expect(sizes == [[124, 78], [493, 312]])
        func perDecode(_ d: Duration) -> String {
            let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return String(Int((ms / Double(rounds) * 1000).rounded())) + " µs"
        }
        print("\(name) 493×312: hint 40×40 → 124×78 in \(perDecode(scaled)), full size in \(perDecode(full)) per decode")
    }
}
