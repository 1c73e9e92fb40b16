import StockCore

/// A lens as EXIF names it, with its focal range in millimetres and widest aperture.
struct GeneratorLens: Sendable {
    let name: String?
    let shortest: Double
    let longest: Double
    let widestAperture: Double
}

/// A camera body: what EXIF writes as make and model, and how people call it in a caption.
struct GeneratorCameraBody: Sendable {
    let make: String
    let model: String
    let displayName: String
    let lenses: [GeneratorLens]
    /// ISO speeds it is used at; film bodies use the film's speed.
    let isoSpeeds: [Int]
}

/// Real camera bodies and lenses, by kind of camera, for photos' EXIF.
enum GeneratorCameras {
    static let standardISO = [100, 100, 100, 200, 200, 400, 400, 800, 1600, 3200, 6400]

    static let digital: [GeneratorCameraBody] = [
        body("Canon", "Canon EOS R5", "Canon EOS R5", [
            zoom("RF24-70mm F2.8 L IS USM", 24, 70, 2.8), zoom("RF70-200mm F2.8 L IS USM", 70, 200, 2.8),
            prime("RF50mm F1.2 L USM", 50, 1.2), prime("RF100mm F2.8 L MACRO IS USM", 100, 2.8),
            zoom("RF15-35mm F2.8 L IS USM", 15, 35, 2.8),
        ]),
        body("Canon", "Canon EOS 5D Mark IV", "Canon EOS 5D Mark IV", [
            zoom("EF24-70mm f/2.8L II USM", 24, 70, 2.8), zoom("EF70-200mm f/2.8L IS III USM", 70, 200, 2.8),
            prime("EF50mm f/1.4 USM", 50, 1.4), prime("EF100mm f/2.8L Macro IS USM", 100, 2.8),
            zoom("EF16-35mm f/4L IS USM", 16, 35, 4),
        ]),
        body("NIKON CORPORATION", "NIKON Z 7_2", "Nikon Z7 II", [
            zoom("NIKKOR Z 24-70mm f/2.8 S", 24, 70, 2.8), zoom("NIKKOR Z 70-200mm f/2.8 VR S", 70, 200, 2.8),
            prime("NIKKOR Z 50mm f/1.8 S", 50, 1.8), prime("NIKKOR Z MC 105mm f/2.8 VR S", 105, 2.8),
            zoom("NIKKOR Z 14-24mm f/2.8 S", 14, 24, 2.8),
        ]),
        body("NIKON CORPORATION", "NIKON D850", "Nikon D850", [
            zoom("AF-S NIKKOR 24-70mm f/2.8E ED VR", 24, 70, 2.8), zoom("AF-S NIKKOR 70-200mm f/2.8E FL ED VR", 70, 200, 2.8),
            prime("AF-S NIKKOR 50mm f/1.8G", 50, 1.8), prime("AF-S VR Micro-Nikkor 105mm f/2.8G IF-ED", 105, 2.8),
            zoom("AF-S NIKKOR 14-24mm f/2.8G ED", 14, 24, 2.8),
        ]),
        body("SONY", "ILCE-7RM4", "Sony A7R IV", sonyLenses),
        body("SONY", "ILCE-7M3", "Sony A7 III", sonyLenses),
        body("SONY", "ILCE-1", "Sony A1", sonyLenses),
        body("FUJIFILM", "X-T4", "Fujifilm X-T4", [
            zoom("XF16-55mmF2.8 R LM WR", 16, 55, 2.8), zoom("XF50-140mmF2.8 R LM OIS WR", 50, 140, 2.8),
            prime("XF56mmF1.2 R", 56, 1.2), prime("XF80mmF2.8 R LM OIS WR Macro", 80, 2.8),
            zoom("XF10-24mmF4 R OIS WR", 10, 24, 4),
        ]),
        body("FUJIFILM", "GFX100S", "Fujifilm GFX 100S", [
            zoom("GF32-64mmF4 R LM WR", 32, 64, 4), prime("GF110mmF2 R LM WR", 110, 2),
            prime("GF120mmF4 R LM OIS WR Macro", 120, 4), prime("GF250mmF4 R LM OIS WR", 250, 4),
        ]),
        body("Panasonic", "DC-S1R", "Panasonic Lumix S1R", [
            zoom("LUMIX S PRO 24-70mm F2.8", 24, 70, 2.8), zoom("LUMIX S PRO 70-200mm F2.8 O.I.S.", 70, 200, 2.8),
            prime("LUMIX S 50mm F1.8", 50, 1.8), zoom("LUMIX S 16-35mm F4", 16, 35, 4),
        ]),
        body("Hasselblad", "X2D 100C", "Hasselblad X2D 100C", [
            prime("XCD 2,5/38V", 38, 2.5), prime("XCD 2,5/55V", 55, 2.5), prime("XCD 2,5/90V", 90, 2.5),
        ]),
        body("Leica Camera AG", "LEICA SL2", "Leica SL2", [
            zoom("VARIO-ELMARIT-SL 1:2.8/24-70 ASPH.", 24, 70, 2.8), prime("APO-SUMMICRON-SL 1:2/50 ASPH.", 50, 2),
        ]),
    ]

    /// Drones, for aerial photos.
    static let drones: [GeneratorCameraBody] = [
        body("DJI", "Mavic 3 Pro", "DJI Mavic 3 Pro", [prime("Hasselblad L2D-20c 24mm", 24, 2.8)]),
        body("DJI", "Air 3", "DJI Air 3", [prime("24mm wide-angle camera", 24, 1.7)]),
        body("DJI", "Mini 4 Pro", "DJI Mini 4 Pro", [prime("24mm camera", 24, 1.7)]),
    ]

    static let mobile: [GeneratorCameraBody] = [
        body("Apple", "iPhone 15 Pro", "iPhone 15 Pro", [prime("iPhone 15 Pro back triple camera 6.765mm f/1.78", 6.765, 1.78)]),
        body("Apple", "iPhone 14 Pro Max", "iPhone 14 Pro Max", [prime("iPhone 14 Pro Max back triple camera 6.86mm f/1.78", 6.86, 1.78)]),
        body("Apple", "iPhone 13", "iPhone 13", [prime("iPhone 13 back dual wide camera 5.1mm f/1.6", 5.1, 1.6)]),
        body("samsung", "SM-S918B", "Samsung Galaxy S23 Ultra", [prime(nil, 6.3, 1.7)]),
        body("Google", "Pixel 8 Pro", "Google Pixel 8 Pro", [prime(nil, 6.9, 1.68)]),
        body("Xiaomi", "2210132G", "Xiaomi 13 Pro", [prime(nil, 8.7, 1.9)]),
    ]

    static let film: [GeneratorCameraBody] = [
        body("Nikon", "Nikon F3", "Nikon F3", [prime("Nikkor 50mm f/1.4 AI-S", 50, 1.4)], iso: [100, 200, 400]),
        body("Canon", "Canon AE-1 Program", "Canon AE-1 Program", [prime("Canon FD 50mm f/1.8", 50, 1.8)], iso: [200, 400]),
        body("Asahi Pentax", "Pentax 67", "Pentax 67", [prime("SMC Pentax 67 105mm f/2.4", 105, 2.4)], iso: [160, 400]),
        body("Mamiya", "Mamiya RB67 Pro S", "Mamiya RB67", [prime("Mamiya-Sekor C 90mm f/3.8", 90, 3.8)], iso: [160, 400]),
        body("Leica", "Leica M6", "Leica M6", [prime("Summicron-M 35mm f/2", 35, 2)], iso: [200, 400, 800]),
        body("Hasselblad", "Hasselblad 500C/M", "Hasselblad 500C/M", [prime("Carl Zeiss Planar 80mm f/2.8", 80, 2.8)], iso: [100, 400]),
    ]

    static let apertures: [Double] = [1.2, 1.4, 1.8, 2, 2.8, 4, 5.6, 8, 11, 16]
    static let zoomStops: [Double] = [10, 14, 16, 18, 24, 28, 35, 50, 55, 70, 85, 105, 135, 140, 200]
    static let fastShutters = ["1/8000", "1/4000", "1/2000", "1/1000", "1/500", "1/250", "1/125", "1/60"]
    static let slowShutters = ["1/30", "1/15", "1/8", "1/4", "1/2", "1", "2", "4", "8", "15", "30"]

    private static var sonyLenses: [GeneratorLens] {
        [zoom("FE 24-70mm F2.8 GM II", 24, 70, 2.8), zoom("FE 70-200mm F2.8 GM OSS II", 70, 200, 2.8),
         prime("FE 50mm F1.2 GM", 50, 1.2), prime("FE 90mm F2.8 Macro G OSS", 90, 2.8),
         zoom("FE 16-35mm F2.8 GM", 16, 35, 2.8)]
    }

    private static func body(_ make: String, _ model: String, _ display: String, _ lenses: [GeneratorLens],
                             iso: [Int] = standardISO) -> GeneratorCameraBody {
        GeneratorCameraBody(make: make, model: model, displayName: display, lenses: lenses, isoSpeeds: iso)
    }
    private static func zoom(_ name: String, _ short: Double, _ long: Double, _ aperture: Double) -> GeneratorLens {
        GeneratorLens(name: name, shortest: short, longest: long, widestAperture: aperture)
    }
    private static func prime(_ name: String?, _ focal: Double, _ aperture: Double) -> GeneratorLens {
        GeneratorLens(name: name, shortest: focal, longest: focal, widestAperture: aperture)
    }
}
