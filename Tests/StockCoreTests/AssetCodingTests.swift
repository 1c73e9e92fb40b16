import Foundation
import Testing
@testable import StockCore

/// The catalog import format: required fields, defaults, orientation from the dimensions, and a
/// lossless round trip.
@Suite struct AssetCodingTests {
    static var minimal: [String: Any] { [
        "id": 18742, "kind": "photo", "title": "Aerial view of Baikal shoreline at golden hour",
        "width": 3000, "height": 2000, "created": "2024-11-03T14:22:00Z",
    ] }

    static func decode(_ object: [String: Any]) throws -> Asset {
        try JSONDecoder().decode(Asset.self, from: JSONSerialization.data(withJSONObject: object))
    }

    static func decode(_ object: [String: Any], with changes: [String: Any]) throws -> Asset {
        try decode(object.merging(changes) { _, new in new })
    }

    /// The fields an error names: its coding path (and missing key), or the field of the
    /// `AssetFormatError` underneath it.
    static func namedFields(_ error: any Error) -> [String] {
        var names: [String] = []
        if let format = error as? AssetFormatError { names.append(format.field) }
        let context: DecodingError.Context?
        switch error as? DecodingError {
        case .keyNotFound(let key, let c)?:
            names.append((c.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))
            context = c
        case .dataCorrupted(let c)?, .typeMismatch(_, let c)?, .valueNotFound(_, let c)?:
            context = c
        default:
            context = nil
        }
        if let context {
            if !context.codingPath.isEmpty { names.append(context.codingPath.map(\.stringValue).joined(separator: ".")) }
            if let format = context.underlyingError as? AssetFormatError { names.append(format.field) }
        }
        return names
    }

    @Test func eachMissingRequiredFieldIsNamedInTheError() {
        for field in ["id", "kind", "title", "width", "height", "created"] {
            var object = Self.minimal
            object.removeValue(forKey: field)
            do {
                _ = try Self.decode(object)
                Issue.record("decoded without \(field)")
            } catch {
                #expect(Self.namedFields(error).contains(field), "\(error)")
            }
        }
    }

    @Test func invalidValuesAreNamedToo() {
        let cases: [(String, Any, String)] = [
            ("width", 0, "width"), ("height", -5, "height"), ("title", "   ", "title"), ("id", -3, "id"),
            ("created", "yesterday", "created"), ("duration", -1.0, "duration"), ("kind", "hologram", "kind"),
            ("thumbnails", ["big": "https://x/y.jpg"], "thumbnails"),
        ]
        for (field, value, named) in cases {
            do {
                _ = try Self.decode(Self.minimal, with: [field: value])
                Issue.record("accepted \(field) = \(value)")
            } catch {
                #expect(Self.namedFields(error).contains(named), "\(field): \(error)")
            }
        }
    }

    @Test func everythingElseHasADefault() throws {
        let asset = try Self.decode(Self.minimal)
        #expect(asset.id == AssetID(18742))
        #expect(asset.kind == .photo)
        #expect(asset.description == "" && asset.keywords.isEmpty && asset.formats.isEmpty)
        #expect(asset.contributor == nil && asset.category == nil && asset.attribution == nil)
        #expect(asset.duration == nil && asset.fps == nil && asset.codec == nil && asset.fileSize == nil)
        #expect(asset.videoResolution == nil)
        #expect(asset.licenseTypes == [.standard])
        #expect(asset.premiumLevel == .core)
        #expect(!asset.mature && !asset.ungraded && !asset.curated)
        #expect(asset.camera == nil && asset.composition == nil && asset.exif == nil && asset.colorProfile == nil)
        #expect(asset.popularity == 0)
        #expect(asset.thumbnails.isEmpty && asset.resolutionTiers.isEmpty && asset.contentWarnings.isEmpty)
        #expect(asset.products.isEmpty && asset.lowestPrice == nil)
        #expect(asset.created == Date(timeIntervalSince1970: 1_730_643_720))
        #expect(asset.orientation == .horizontal)
    }

    @Test func orientationFollowsTheDimensionsWhenAbsent() throws {
        let cases: [(Int, Int, Orientation)] = [
            (3000, 2000, .horizontal), (2000, 3000, .vertical),
            (4000, 2000, .panorama), (2000, 4000, .panorama), (6000, 1000, .panorama), (3999, 2000, .horizontal),
            (1000, 1000, .square), (1050, 1000, .square), (1000, 1050, .square),
            (1051, 1000, .horizontal), (1000, 1051, .vertical),
        ]
        for (width, height, orientation) in cases {
            let asset = try Self.decode(Self.minimal, with: ["width": width, "height": height])
            #expect(asset.orientation == orientation, "\(width)×\(height)")
        }
    }

    @Test func aGivenOrientationWins() throws {
        let asset = try Self.decode(Self.minimal, with: ["orientation": "square"])
        #expect(asset.orientation == .square)
    }

    @Test func videoResolutionFollowsTheShorterSideWhenAbsent() throws {
        let cases: [(Int, Int, VideoResolution?)] = [
            (3840, 2160, .k4), (4096, 2160, .k4), (2160, 3840, .k4), (1920, 1080, .p1080), (1080, 1920, .p1080),
            (1280, 720, .p720), (640, 360, nil),
        ]
        for (width, height, resolution) in cases {
            let asset = try Self.decode(Self.minimal, with: ["kind": "video", "width": width, "height": height])
            #expect(asset.videoResolution == resolution, "\(width)×\(height)")
        }
        let photo = try Self.decode(Self.minimal, with: ["width": 3840, "height": 2160])
        #expect(photo.videoResolution == nil)
    }

    @Test func acceptsTheServicesOtherSpellings() throws {
        let asset = try Self.decode(Self.minimal, with: ["id": "18742", "created": "2016-07-22T11:53:37.000Z",
                                                         "thumbnails": ["110": "https://t/110.jpg"]])
        #expect(asset.id == AssetID(18742))
        #expect(asset.created == Date(timeIntervalSince1970: 1_469_188_417))
        #expect(asset.thumbnails == [110: "https://t/110.jpg"])
        let day = try Self.decode(Self.minimal, with: ["created": "2024-11-03"])
        #expect(day.created == Date(timeIntervalSince1970: 1_730_592_000))
    }

    @Test func aProductWithoutATypeIsADeliverable() throws {
        let json = #"{"productTypeId":1,"name":"Small","price":{"amount":1500,"code":"usd","decimals":2}}"#
        let product = try JSONDecoder().decode(Product.self, from: Data(json.utf8))
        #expect(product.type == .deliverable && product.description == "" && product.dimensions == nil)
    }

    static let full = Asset(
        id: 18742, kind: .video, title: "Aerial view of Baikal shoreline at golden hour",
        description: "Drone footage of Lake Baikal ice formations near Listvyanka.",
        keywords: ["drone", "lake", "winter", "байкал", "көл"], contributor: Contributor(id: 391, name: "Mikhail Volkov"),
        category: "nature-landscapes", width: 3840, height: 2160, duration: 8.4, fps: 29.97, codec: "H.265",
        fileSize: 259_000_000, formats: ["mp4", "mov", "webm"], licenseTypes: [.standard, .extended],
        premiumLevel: .premium2, mature: true, camera: .digital, composition: .long, ungraded: true,
        created: Date(timeIntervalSince1970: 1_730_643_720), popularity: 48_211, curated: true,
        thumbnails: [110: "https://t/18742_110.jpg", 1000: "https://t/18742_1000.jpg"],
        attribution: "© Mikhail Volkov / StockFlow",
        exif: EXIF(cameraMake: "DJI", cameraModel: "Inspire 3", lens: "Zenmuse X7 24mm", focalLength: 24,
                   aperture: 2.8, shutter: "1/250", iso: 100, captureDate: Date(timeIntervalSince1970: 1_730_000_000)),
        colorProfile: .adobeRGB, resolutionTiers: [ResolutionTier(name: "4K", width: 3840, height: 2160)],
        contentWarnings: ["flashing lights"],
        products: [
            Product(productTypeId: 12, type: .deliverable, name: "Full HD", description: "1920 × 1080",
                    price: Money(amount: 7900, currency: "USD"), dimensions: .init(width: 1920, height: 1080)),
            Product(productTypeId: 21, type: .license, name: "Multi-Seat", price: Money(amount: 1_350_000, currency: "RUB")),
        ]
    )

    @Test func encodingThenDecodingGivesTheSameAsset() throws {
        let data = try JSONEncoder().encode(Self.full)
        #expect(try JSONDecoder().decode(Asset.self, from: data) == Self.full)
        let minimal = try Self.decode(Self.minimal)
        #expect(try JSONDecoder().decode(Asset.self, from: JSONEncoder().encode(minimal)) == minimal)
    }

    @Test func encodingLeavesDefaultsOutAndWritesCreatedAsISO8601() throws {
        let minimal = try Self.decode(Self.minimal)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(minimal)) as! [String: Any]
        #expect(Set(object.keys) == ["id", "kind", "title", "width", "height", "orientation", "licenseTypes",
                                     "premiumLevel", "created"])
        #expect(object["created"] as? String == "2024-11-03T14:22:00Z")
        let full = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.full)) as! [String: Any]
        #expect((full["thumbnails"] as? [String: String])?["110"] == "https://t/18742_110.jpg")
        #expect(((full["products"] as? [[String: Any]])?.first?["price"] as? [String: Any])?["code"] as? String == "usd")
    }
}

/// The hand-written date reader agrees with Foundation's ISO 8601 parser.
@Suite struct ISODateTests {
    @Test(arguments: ["2024-11-03T14:22:00Z", "2016-07-22T11:53:37.000Z", "2000-02-29T23:59:59.5Z", "1999-12-31T00:00:00Z", "2026-01-01"])
    func fastPathMatchesFoundation(_ text: String) throws {
        let fast = try #require(ISODate.fastDate(text))
        let slow: Date
        if text.count == 10 {
            slow = try Date.ISO8601FormatStyle().year().month().day().parse(text)
        } else if text.contains(".") {
            slow = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
        } else {
            slow = try Date.ISO8601FormatStyle().parse(text)
        }
        #expect(abs(fast.timeIntervalSince1970 - slow.timeIntervalSince1970) < 0.001)
    }

    @Test(arguments: ["2024-13-03T14:22:00Z", "2024-11-03T25:22:00Z", "2024-11-03 14:22:00", "yesterday", "2024-11-03T14:22:00+02:00"])
    func fastPathRefusesWhatItCannotRead(_ text: String) {
        #expect(ISODate.fastDate(text) == nil)
    }
}

/// How a camera is named for people.
@Suite struct CameraNameTests {
    @Test func theMakeIsNotRepeatedWhenTheModelStartsWithIt() {
        #expect(EXIF(cameraMake: "Canon", cameraModel: "Canon EOS 5D Mark IV").cameraName == "Canon EOS 5D Mark IV")
        #expect(EXIF(cameraMake: "NIKON", cameraModel: "Nikon Z 7II").cameraName == "Nikon Z 7II")
        #expect(EXIF(cameraMake: "Sony", cameraModel: "ILCE-7M4").cameraName == "Sony ILCE-7M4")
        #expect(EXIF(cameraMake: "Fujifilm").cameraName == "Fujifilm")
        #expect(EXIF(cameraModel: "X100V").cameraName == "X100V")
        #expect(EXIF(cameraMake: " ", cameraModel: "").cameraName == nil)
        #expect(EXIF().cameraName == nil)
    }
}
