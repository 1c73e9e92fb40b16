import StockCore

/// Sizes and extended licenses on sale for a generated asset, Stocksy style (`availableProducts`),
/// with prices in US dollars mostly, some in roubles and tenge.
struct AssetPricing {
    var products: [Product]
    var tiers: [ResolutionTier]

    /// About 10 % roubles and 5 % tenge overall, more often for Russian and Kazakh titles.
    static func chooseCurrency(language: GeneratedLanguage, rng: inout SplitMix64) -> String {
        let weights: [Int]  // USD, RUB, KZT per mille
        switch language {
        case .english: weights = [960, 30, 10]
        case .russian: weights = [670, 300, 30]
        case .kazakh: weights = [700, 50, 250]
        }
        return ["USD", "RUB", "KZT"][rng.weightedIndex(weights)]
    }

    /// An amount in US cents as a price in `currency`: roubles at 90 and tenge at 480 to the dollar,
    /// rounded to 10 roubles and 100 tenge, with two decimals.
    static func price(usdCents: Int64, currency: String) -> Money {
        switch currency {
        case "RUB":
            let roubles = (usdCents * 90 / 100 + 5) / 10 * 10
            return Money(amount: roubles * 100, currency: "RUB", decimals: 2)
        case "KZT":
            let tenge = (usdCents * 480 / 100 + 50) / 100 * 100
            return Money(amount: tenge * 100, currency: "KZT", decimals: 2)
        default:
            return Money(amount: usdCents, currency: "USD", decimals: 2)
        }
    }

    /// Extended licenses: product type id, name, description, price in US cents for stills and for video.
    static let licenses: [(Int, String, String, Int64, Int64)] = [
        (21, "Multi-Seat", "Shared use by up to 10 people in one organisation.", 10_000, 15_000),
        (22, "Unlimited Reproduction", "Print runs and audiences above 500,000.", 15_000, 20_000),
        (23, "Products for Resale", "Use on merchandise, packaging and other goods for sale.", 25_000, 30_000),
        (24, "Unlimited Seats", "Use by any number of people in one organisation.", 20_000, 25_000),
    ]

    static func make(kind: AssetKind, shape: AssetShape, premium: PremiumLevel, extended: Bool, currency: String,
                     rng: inout SplitMix64) -> AssetPricing {
        let step = rng.below(3)
        let multiplier: Int64 = [1, 0, 2, 3, 5][premium.rawValue]
        var products: [Product] = []
        var tiers: [ResolutionTier] = []
        func deliverable(_ typeID: Int, _ name: String, _ w: Int, _ h: Int, _ usd: Int64, _ description: String) {
            products.append(Product(productTypeId: typeID, type: .deliverable, name: name, description: description,
                                    price: price(usdCents: usd * multiplier, currency: currency),
                                    dimensions: Product.Dimensions(width: w, height: h)))
            tiers.append(ResolutionTier(name: name, width: w, height: h))
        }
        let w = shape.width, h = shape.height
        if kind == .video {
            let long = max(w, h)
            // (type id, name, long side, price steps in US cents)
            var sizes: [(Int, String, Int, [Int64])] = []
            if long <= 1280 { sizes = [(10, "SD", 640, [2900, 3900, 4900]), (11, "HD", 1280, [4900, 5900, 6900])] }
            else if long <= 1920 { sizes = [(10, "SD", 960, [2900, 3900, 4900]), (11, "HD", 1280, [4900, 5900, 6900]), (12, "Full HD", 1920, [7900, 9900, 12900])] }
            else { sizes = [(11, "HD", 1280, [4900, 5900, 6900]), (12, "Full HD", 1920, [7900, 9900, 12900]), (13, "4K", long, [17900, 19900, 24900])] }
            for (typeID, name, side, steps) in sizes {
                let (sw, sh) = scaled(w, h, toLongSide: side)
                deliverable(typeID, name, sw, sh, steps[step], "Royalty-free license, " + String(sw) + " × " + String(sh) + " video.")
            }
        } else {
            let steps: [[Int64]]
            switch kind {
            case .vector: steps = [[800, 1000, 1200], [2000, 2500, 3000], [4000, 5000, 6000]]
            case .template: steps = [[1200, 1500, 1900], [2500, 2900, 3500], [4900, 5900, 6900]]
            default: steps = [[1000, 1500, 2000], [3000, 4000, 5000], [7500, 10000, 12500]]
            }
            let long = max(w, h)
            let (ww, wh) = scaled(w, h, toLongSide: min(640, long))
            tiers.append(ResolutionTier(name: "Web", width: ww, height: wh))
            let (smallW, smallH) = scaled(w, h, toLongSide: long >= 3000 ? 1000 : long / 3)
            let (mediumW, mediumH) = scaled(w, h, toLongSide: long / 2)
            deliverable(1, "Small", smallW, smallH, steps[0][step],
                        "Royalty-free license, " + String(smallW) + " × " + String(smallH) + " px, for web and social media.")
            deliverable(2, "Medium", mediumW, mediumH, steps[1][step],
                        "Royalty-free license, " + String(mediumW) + " × " + String(mediumH) + " px, for print up to A4.")
            let large = kind == .vector
                ? "Royalty-free license, scalable vector file and " + String(w) + " × " + String(h) + " px image."
                : "Royalty-free license, full resolution " + String(w) + " × " + String(h) + " px."
            deliverable(3, "Large", w, h, steps[2][step], large)
        }
        if extended {
            var order = [0, 1, 2, 3]
            for i in stride(from: 3, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            let chosen = order.prefix(1 + rng.below(3)).sorted()
            for i in chosen {
                let (typeID, name, description, still, video) = licenses[i]
                products.append(Product(productTypeId: typeID, type: .license, name: name, description: description,
                                        price: price(usdCents: kind == .video ? video : still, currency: currency)))
            }
        }
        return AssetPricing(products: products, tiers: tiers)
    }

    /// The size with the same aspect whose longer side is `side` (rounded to whole pixels).
    static func scaled(_ w: Int, _ h: Int, toLongSide side: Int) -> (Int, Int) {
        if w >= h { return (side, max(1, (h * side + w / 2) / w)) }
        return (max(1, (w * side + h / 2) / h), side)
    }
}
