import Foundation
import StockCore

/// Builds one generated asset from its random stream. Every draw happens in a fixed order, so the
/// asset depends on nothing but the stream.
enum AssetRecipe {
    static let kinds: [AssetKind] = [.photo, .video, .illustration, .vector, .template]
    static let kindWeights = [50, 25, 12, 10, 3]
    static let languageWeights = [60, 25, 15]
    static let premiumWeights = [60, 8, 16, 10, 6]
    /// Categories whose subjects make sense as macro shots (a leaf, a chip, spices, jewelry).
    static let macroFriendly: Set<String> = [
        "nature-landscapes", "food-preparation", "animals-wildlife", "fashion-beauty",
        "abstract-backgrounds", "agriculture-farming", "energy-environment", "weather-seasons", "art-culture",
    ]

    static func make(index: Int, rng: inout SplitMix64) -> Asset {
        let kind = kinds[rng.weightedIndex(kindWeights)]
        let vocabulary = GeneratorVocabulary.categories[rng.below(GeneratorVocabulary.categories.count)]
        let language = GeneratedLanguage.allCases[rng.weightedIndex(languageWeights)]
        let shape = AssetShape.make(kind: kind, rng: &rng)
        let composition = chooseComposition(kind: kind, vocabulary: vocabulary, rng: &rng)
        let wording = AssetWording.choose(kind: kind, vocabulary: vocabulary, composition: composition,
                                          templateLayout: shape.templateLayout, rng: &rng)

        let created = createdSeconds(rng: &rng)
        var shot: PhotoShot?
        if kind == .photo {
            shot = PhotoShot.make(aerial: vocabulary.slug == "aerial-drone", night: wording.isNight,
                                  created: created, rng: &rng)
        }

        let premium = PremiumLevel(rng.weightedIndex(premiumWeights))
        let licenseTypes: [LicenseType]
        let licenseDraw = rng.below(100)
        if licenseDraw < 10 { licenseTypes = [.editorial] } else if licenseDraw < 45 { licenseTypes = [.standard, .extended] } else { licenseTypes = [.standard] }
        var mature = false
        var warnings: [String] = []
        if !vocabulary.matureWarnings.isEmpty, rng.chance(perMille: 144) {
            mature = true
            warnings = rng.pick(vocabulary.matureWarnings)
        }
        let ungraded = kind == .video && rng.chance(15)
        let curated = rng.chance(5)
        let popularity = popularityScore(rng: &rng)
        let contributor = GeneratorContributors.pool[min(rng.below(GeneratorContributors.count), rng.below(GeneratorContributors.count))]
        let colorProfile = chooseColorProfile(kind: kind, rng: &rng)

        let text = wording.text(language: language, kind: kind, shape: shape, shot: shot,
                                editorial: licenseTypes == [.editorial], ungraded: ungraded,
                                vocabulary: vocabulary, rng: &rng)
        let currency = AssetPricing.chooseCurrency(language: language, rng: &rng)
        let pricing = AssetPricing.make(kind: kind, shape: shape, premium: premium,
                                        extended: licenseTypes.contains(.extended), currency: currency, rng: &rng)

        let id = CatalogGenerator.firstID + Int64(index)
        var thumbnails: [Int: String] = [:]
        for size in CatalogGenerator.thumbnailSizes {
            thumbnails[size] = CatalogGenerator.thumbnailBase + String(id) + "_" + String(size) + ".jpg"
        }

        return Asset(
            id: AssetID(id), kind: kind, title: text.title, description: text.description, keywords: text.keywords,
            contributor: contributor, category: vocabulary.slug, width: shape.width, height: shape.height,
            orientation: nil, duration: shape.duration, fps: shape.fps, codec: shape.codec, fileSize: shape.fileSize,
            formats: shape.formats, videoResolution: shape.videoResolution, licenseTypes: licenseTypes,
            premiumLevel: premium, mature: mature, camera: shot?.camera, composition: composition, ungraded: ungraded,
            created: Date(timeIntervalSince1970: TimeInterval(created)), popularity: popularity, curated: curated,
            thumbnails: thumbnails, attribution: "© " + contributor.name + " / stockterm demo", exif: shot?.exif,
            colorProfile: colorProfile, resolutionTiers: pricing.tiers, contentWarnings: warnings,
            products: pricing.products
        )
    }

    static func chooseComposition(kind: AssetKind, vocabulary: CategoryVocabulary, rng: inout SplitMix64) -> Composition? {
        guard kind == .photo || kind == .video else { return nil }
        if vocabulary.slug == "aerial-drone" { return .long }
        let macro = macroFriendly.contains(vocabulary.slug) ? 10 : 2
        return [Composition.long, .medium, .close, .macro][rng.weightedIndex([30, 35, 25, macro])]
    }

    static func chooseColorProfile(kind: AssetKind, rng: inout SplitMix64) -> ColorProfile? {
        switch kind {
        case .video: return nil
        case .photo: return rng.chance(70) ? .sRGB : .adobeRGB
        default: return rng.chance(85) ? .sRGB : .adobeRGB
        }
    }

    /// Whole seconds between 2015-01-01 and 2026-10-31, uniformly.
    static func createdSeconds(rng: inout SplitMix64) -> Int64 {
        let span = CatalogGenerator.createdEnd - CatalogGenerator.createdStart + 1
        return CatalogGenerator.createdStart + Int64(rng.below(Int(span)))
    }

    /// Heavy-tailed (Pareto, α = 1): half the assets below 40, one in a thousand above 40,000,
    /// capped at 1,000,000. Only +, −, × and ÷ on doubles, which IEEE 754 rounds the same everywhere.
    static func popularityScore(rng: inout SplitMix64) -> Int {
        let u = rng.unitInterval()
        let raw = 40.0 / u - 40.0
        return raw >= 1_000_000 ? 1_000_000 : Int(raw)
    }
}
