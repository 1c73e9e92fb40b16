import Testing
@testable import StockImages

@Suite struct RGBImageTests {
    @Test func pixelsAreAddressedByColumnAndRow() {
        var image = RGBImage(width: 3, height: 2)
        image[2, 1] = RGB(1, 2, 3)
        #expect(image.pixels[(1 * 3 + 2) * 3 ..< (1 * 3 + 2) * 3 + 3] == [1, 2, 3])
        #expect(image[2, 1] == RGB(1, 2, 3))
        #expect(image[0, 0] == RGB(0, 0, 0))
        #expect(RGB(255, 8, 16).description == "#ff0810")
    }
}
