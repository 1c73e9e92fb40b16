import StockCore

/// The kind of picture `DemoThumbnail` draws for a catalog category: a landscape for nature, a
/// skyline for the city, a laid table for food, a stage for music, and so on.
enum DemoScene: Hashable, CaseIterable {
    case landscape, fields, wildlife, aerial, city, industry, landmark, road, energy
    case chart, laboratory, clinic, screen, table, portrait, sports, stage, festive, gallery, abstract

    /// The scene for a category slug of the demo catalog (`abstract` for any other).
    init(category: String?) {
        switch category {
        case "nature-landscapes", "weather-seasons": self = .landscape
        case "agriculture-farming": self = .fields
        case "animals-wildlife": self = .wildlife
        case "aerial-drone": self = .aerial
        case "urban-cinematic", "architecture-interiors": self = .city
        case "industry-manufacturing": self = .industry
        case "travel-landmarks": self = .landmark
        case "transport-logistics": self = .road
        case "energy-environment": self = .energy
        case "business-finance": self = .chart
        case "education-science": self = .laboratory
        case "health-medical": self = .clinic
        case "tech-workplace": self = .screen
        case "food-preparation": self = .table
        case "people-lifestyle", "family-kids", "fashion-beauty": self = .portrait
        case "sports-fitness": self = .sports
        case "music-entertainment": self = .stage
        case "holidays-celebrations": self = .festive
        case "art-culture": self = .gallery
        default: self = .abstract
        }
    }

    /// Draws the whole scene over the canvas.
    func draw(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        switch self {
        case .landscape: Self.drawLandscape(on: &canvas, mood: mood, rng: &rng)
        case .fields: Self.drawFields(on: &canvas, mood: mood, rng: &rng)
        case .wildlife: Self.drawWildlife(on: &canvas, mood: mood, rng: &rng)
        case .aerial: Self.drawAerial(on: &canvas, mood: mood, rng: &rng)
        case .city: Self.drawCity(on: &canvas, mood: mood, rng: &rng, factory: false)
        case .industry: Self.drawCity(on: &canvas, mood: mood, rng: &rng, factory: true)
        case .landmark: Self.drawLandmark(on: &canvas, mood: mood, rng: &rng)
        case .road: Self.drawRoad(on: &canvas, mood: mood, rng: &rng)
        case .energy: Self.drawEnergy(on: &canvas, mood: mood, rng: &rng)
        case .chart: Self.drawChart(on: &canvas, mood: mood, rng: &rng)
        case .laboratory: Self.drawLaboratory(on: &canvas, mood: mood, rng: &rng)
        case .clinic: Self.drawClinic(on: &canvas, mood: mood, rng: &rng)
        case .screen: Self.drawScreen(on: &canvas, mood: mood, rng: &rng)
        case .table: Self.drawTable(on: &canvas, mood: mood, rng: &rng)
        case .portrait: Self.drawPortrait(on: &canvas, mood: mood, rng: &rng)
        case .sports: Self.drawSports(on: &canvas, mood: mood, rng: &rng)
        case .stage: Self.drawStage(on: &canvas, mood: mood, rng: &rng)
        case .festive: Self.drawFestive(on: &canvas, mood: mood, rng: &rng)
        case .gallery: Self.drawGallery(on: &canvas, mood: mood, rng: &rng)
        case .abstract: Self.drawAbstract(on: &canvas, mood: mood, rng: &rng)
        }
    }

    /// Whether the scene is outdoors, where rain, snow and fog show.
    var isOutdoors: Bool {
        switch self {
        case .landscape, .fields, .wildlife, .aerial, .city, .industry, .landmark, .road, .energy, .sports: return true
        default: return false
        }
    }
}
