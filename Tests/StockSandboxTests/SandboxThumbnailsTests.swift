import Foundation
import NIOHTTP1
import StockCore
import Testing
@testable import StockSandbox

/// The thumbnails the emulators list are served: JPEGs of the listed size, no credentials, 404
/// for an unknown asset or a malformed name.
@Suite struct SandboxThumbnailsTests {
    @Test(arguments: [SandboxAPI.stocksy, .adobe, .stockflow])
    func theListedThumbnailURLsServeJPEGs(api: SandboxAPI) async throws {
        try await withSandbox(SandboxOptions(api: api)) { server in
            let asset = try TestCatalog.shared.asset(id: 10001)
            let origin = "http://127.0.0.1:\(server.port)"
            let (status, headers, bytes) = try await StockFlowLicensingTests.fetch("\(origin)/thumbs/\(asset.id)_400.jpg")
            #expect(status == 200)
            #expect(headers["Content-Type"].first == "image/jpeg")
            #expect(Array(bytes.prefix(3)) == [0xFF, 0xD8, 0xFF], "a JPEG")
            // The same bytes again (kept, and deterministic).
            let (_, _, again) = try await StockFlowLicensingTests.fetch("\(origin)/thumbs/\(asset.id)_400.jpg")
            #expect(again == bytes)
            for bad in ["99999999_400.jpg", "10001_0.jpg", "10001_400.png", "10001_9000.jpg", "x_400.jpg"] {
                #expect(try await StockFlowLicensingTests.fetch("\(origin)/thumbs/\(bad)").0 == 404, "\(bad)")
            }
        }
    }
}
