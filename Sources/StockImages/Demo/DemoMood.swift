import StockCore

/// The light, weather and season a demo thumbnail shows, read from the asset's title and keywords
/// (English, Russian and Kazakh words), with a seeded choice where they say nothing.
struct DemoMood: Hashable {
    /// The light of the scene.
    enum Light: Hashable { case day, golden, dusk, night, dawn }
    /// What falls from the sky or hangs in the air.
    enum Weather: Hashable { case clear, rain, snow, fog }
    /// The colours of the vegetation.
    enum Season: Hashable { case summer, autumn, winter, spring }

    var light: Light
    var weather: Weather
    var season: Season
    /// Sea, lake or river named.
    var water: Bool

    /// The mood for `asset`; `rng` decides light and season when the words do not.
    init(for asset: Asset, rng: inout SplitMix64) {
        let text = ([asset.title] + asset.keywords).joined(separator: " ").lowercased()
        let words = text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        func said(_ stems: [String], phrases: [String] = []) -> Bool {
            words.contains { word in stems.contains { word.hasPrefix($0) } }
                || phrases.contains { text.contains($0) }
        }

        if said(["night", "ноч", "түн", "neon", "неон"], phrases: ["late at night"]) {
            light = .night
        } else if said(["sunset", "dusk", "twilight", "evening", "закат", "сумер", "вечер", "ымырт"],
                       phrases: ["күн бат"]) {
            light = .dusk
        } else if said(["sunrise", "dawn", "рассвет", "таң"]) {
            light = .dawn
        } else if said([], phrases: ["golden hour", "золотой час", "warm tones", "теплых тонах"]) {
            light = .golden
        } else if said(["sunny", "noon", "daylight", "daytime", "солнечн", "днём", "днем", "дневн", "полдень"]) {
            light = .day
        } else {
            light = [Light.day, .day, .day, .day, .golden, .dusk][rng.below(6)]
        }

        if said(["snow", "blizzard", "снег", "снеж", "метел", "буран", "боран", "қар", "қарлы"]) {
            weather = .snow
        } else if said(["rain", "umbrella", "дожд", "ливн", "зонт", "жаңбыр"]) {
            weather = .rain
        } else if said(["fog", "mist", "туман", "тұман"]) {
            weather = .fog
        } else {
            weather = .clear
        }

        if weather == .snow || said(["winter", "frozen", "ice", "зим", "мороз", "лёд", "лед", "қыс", "мұз"]) {
            season = .winter
        } else if said(["autumn", "fall", "осен", "күз"]) {
            season = .autumn
        } else if said(["spring", "bloom", "blossom", "весн", "цветени", "цветущ", "көктем"]) {
            season = .spring
        } else if said(["summer", "лет", "жаз"]) {
            season = .summer
        } else {
            season = [Season.summer, .summer, .autumn, .spring][rng.below(4)]
        }

        water = said(["sea", "ocean", "lake", "river", "beach", "shore", "coast", "bay", "море", "морск", "озер",
                      "река", "реки", "берег", "пляж", "көл", "теңіз", "өзен", "caspian", "каспи", "baikal", "байкал"])
    }

    /// The sky from its top to the horizon.
    var sky: [RGB] {
        var stops: [RGB]
        switch light {
        case .day: stops = [RGB(58, 118, 196), RGB(120, 170, 225), RGB(190, 218, 240)]
        case .golden: stops = [RGB(84, 110, 170), RGB(230, 170, 110), RGB(252, 206, 130)]
        case .dusk: stops = [RGB(28, 34, 84), RGB(120, 70, 120), RGB(236, 120, 84)]
        case .night: stops = [RGB(6, 8, 24), RGB(14, 22, 52), RGB(36, 48, 88)]
        case .dawn: stops = [RGB(96, 124, 190), RGB(210, 170, 190), RGB(250, 208, 170)]
        }
        if weather != .clear {
            let grey = light == .night ? RGB(40, 42, 48) : RGB(168, 172, 178)
            stops = stops.map { ThumbnailCanvas.mix($0, grey, weather == .fog ? 0.7 : 0.55) }
        }
        return stops
    }

    /// How much darker things on the ground are in this light (0: as lit by day, 1: black).
    var shadow: Double {
        switch light {
        case .day: return 0
        case .golden, .dawn: return 0.15
        case .dusk: return 0.4
        case .night: return 0.7
        }
    }

    /// The sun's or moon's colour, or nil when the weather hides it.
    var disc: RGB? {
        if weather != .clear { return nil }
        switch light {
        case .day: return RGB(255, 250, 225)
        case .golden: return RGB(255, 214, 120)
        case .dusk: return RGB(255, 150, 80)
        case .night: return RGB(230, 232, 220)
        case .dawn: return RGB(255, 200, 150)
        }
    }

    /// Whether windows and lamps are lit.
    var lampsLit: Bool { light == .night || light == .dusk }

    /// `color` in this light: darkened and, at dusk and night, tinted blue.
    func lit(_ color: RGB) -> RGB {
        let dark = ThumbnailCanvas.mix(color, RGB(0, 0, 0), shadow)
        return light == .night || light == .dusk ? ThumbnailCanvas.mix(dark, RGB(20, 30, 70), 0.25) : dark
    }
}
