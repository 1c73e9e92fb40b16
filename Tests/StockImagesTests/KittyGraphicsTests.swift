import Foundation
import Testing
@testable import StockImages

/// `KittyGraphics`: the commands as kitty's protocol documents them.
@Suite struct KittyGraphicsTests {
    @Test func aPictureIsSentAsPNGInChunksOfAtMost4096() throws {
        var image = RGBImage(width: 120, height: 90)
        for y in 0 ..< 90 { for x in 0 ..< 120 { image[x, y] = RGB(UInt8(x * 2), UInt8((x * y) & 255), UInt8(y * 2)) } }
        let png = try ImageEncoder.png(image)
        let text = String(decoding: KittyGraphics.transmit(imageID: 9, png: png), as: UTF8.self)
        let commands = text.components(separatedBy: "\u{1B}_G").dropFirst().map { $0 }
        #expect(commands.count > 1, "a picture this size takes several chunks")
        #expect(commands.allSatisfy { $0.hasSuffix("\u{1B}\\") })
        let parts = commands.map { $0.dropLast(2).split(separator: ";", maxSplits: 1).map(String.init) }
        #expect(parts[0][0] == "a=t,f=100,t=d,i=9,q=2,m=1")
        #expect(parts.dropFirst().dropLast().allSatisfy { $0[0] == "m=1" })
        #expect(parts.last?[0] == "m=0")
        #expect(parts.allSatisfy { $0[1].utf8.count <= 4096 })
        #expect(parts.dropLast().allSatisfy { $0[1].utf8.count == 4096 }, "every chunk but the last is full")
        let data = try #require(Data(base64Encoded: parts.map { $0[1] }.joined()))
        #expect(try ImageDecoder.decode([UInt8](data)) == image)
    }

    @Test func aSmallPictureIsOneCommand() {
        let text = String(decoding: KittyGraphics.transmit(imageID: 1, png: [1, 2, 3]), as: UTF8.self)
        #expect(text == "\u{1B}_Ga=t,f=100,t=d,i=1,q=2,m=0;AQID\u{1B}\\")
    }

    @Test func placingAndDeleting() {
        #expect(String(decoding: KittyGraphics.place(imageID: 3, columns: 40, rows: 12), as: UTF8.self)
                == "\u{1B}_Ga=p,i=3,p=1,c=40,r=12,C=1,q=2\u{1B}\\")
        #expect(String(decoding: KittyGraphics.deletePlacement(imageID: 3), as: UTF8.self) == "\u{1B}_Ga=d,d=i,i=3,p=1,q=2\u{1B}\\")
        #expect(String(decoding: KittyGraphics.deleteImage(imageID: 3), as: UTF8.self) == "\u{1B}_Ga=d,d=I,i=3,q=2\u{1B}\\")
        #expect(String(decoding: KittyGraphics.query, as: UTF8.self) == "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\")
    }
}
