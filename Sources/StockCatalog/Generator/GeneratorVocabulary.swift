/// The languages the generator writes titles, descriptions and keywords in.
enum GeneratedLanguage: Int, Sendable, CaseIterable {
    case english, russian, kazakh
}

/// One keyword in the three languages, in the nominative, e.g. lake / озеро / көл.
///
/// The search has no stemming, so every keyword keeps one form; `synonyms.tsv` links the three.
struct VocabularyTerm: Sendable, Hashable {
    let english: String
    let russian: String
    let kazakh: String

    func text(_ language: GeneratedLanguage) -> String {
        switch language {
        case .english: english
        case .russian: russian
        case .kazakh: kazakh
        }
    }

    /// Parses `lake/озеро/көл`; `_` stands for a space inside a term (`golden_hour`).
    init(_ token: Substring) {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        precondition(parts.count == 3, "vocabulary term needs english/russian/kazakh: \(token)")
        func clean(_ s: Substring) -> String { String(s).replacingUnderscores() }
        english = clean(parts[0]); russian = clean(parts[1]); kazakh = clean(parts[2])
    }
}

/// A piece of a title in the three languages with the keywords it brings: a subject
/// ("mountain lake"), a setting ("in Altai") or a mood ("at sunset").
///
/// Written as one line, `english|russian|kazakh|keywords`, where keywords are terms separated by
/// spaces. A leading `!` on a subject means it names its own place (no setting is added); a leading
/// `~` means it names a season or weather (on a subject: no seasonal mood is added; on a mood: it is
/// a seasonal one).
struct VocabularyPhrase: Sendable {
    let english: String
    let russian: String
    let kazakh: String
    let keywords: [VocabularyTerm]
    let namesPlace: Bool
    let seasonal: Bool
    /// The text with its first letter capitalised, by language, for titles that start with it.
    let capitalized: [String]

    func text(_ language: GeneratedLanguage) -> String {
        switch language {
        case .english: english
        case .russian: russian
        case .kazakh: kazakh
        }
    }

    init(_ line: String) {
        var fields = line.split(separator: "|", omittingEmptySubsequences: false)
        precondition(fields.count == 4, "vocabulary phrase needs four fields: \(line)")
        var namesPlace = false, seasonal = false
        while let flag = fields[0].first, flag == "!" || flag == "~" {
            if flag == "!" { namesPlace = true } else { seasonal = true }
            fields[0] = fields[0].dropFirst()
        }
        english = String(fields[0]); russian = String(fields[1]); kazakh = String(fields[2])
        keywords = fields[3].split(separator: " ").map(VocabularyTerm.init)
        self.namesPlace = namesPlace
        self.seasonal = seasonal
        capitalized = [english, russian, kazakh].map(VocabularyPhrase.capitalizingFirst)
    }

    /// "горное озеро" → "Горное озеро"; Kazakh "і" → "І", "ә" → "Ә".
    static func capitalizingFirst(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// Everything the generator knows about one category: what its assets show, where, and in what
/// light, plus the general keywords any of its assets may carry.
struct CategoryVocabulary: Sendable {
    let slug: String
    let name: String
    let subjects: [VocabularyPhrase]
    /// Places or surroundings; may be empty.
    let settings: [VocabularyPhrase]
    let moods: [VocabularyPhrase]
    let general: [VocabularyTerm]
    /// Contexts where content may be marked mature, with the warnings it then carries.
    let matureWarnings: [[String]]
    /// Outdoor scenes: aerial prefixes and long shots suit them.
    let outdoor: Bool

    init(slug: String, name: String, outdoor: Bool, subjects: [String], settings: [String], moods: [String],
         general: String, matureWarnings: [[String]] = []) {
        self.slug = slug
        self.name = name
        self.outdoor = outdoor
        self.subjects = subjects.map(VocabularyPhrase.init)
        self.settings = settings.map(VocabularyPhrase.init)
        self.moods = moods.map(VocabularyPhrase.init)
        self.general = general.split(separator: " ").map(VocabularyTerm.init)
        self.matureWarnings = matureWarnings
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}

/// The whole vocabulary: the 24 StockFlow categories in `GET /categories` order.
enum GeneratorVocabulary {
    static let categories: [CategoryVocabulary] = [
        natureLandscapes, urbanCinematic, foodPreparation, techWorkplace, peopleLifestyle, businessFinance,
        travelLandmarks, sportsFitness, healthMedical, educationScience, animalsWildlife, architectureInteriors,
        industryManufacturing, transportLogistics, fashionBeauty, musicEntertainment, holidaysCelebrations,
        aerialDrone, abstractBackgrounds, agricultureFarming, energyEnvironment, familyKids, artCulture,
        weatherSeasons,
    ]

    /// Every term any asset can carry, for the synonym table: the category terms and the shared ones.
    static var allTerms: [VocabularyTerm] {
        var terms: [VocabularyTerm] = []
        for category in categories {
            for phrase in category.subjects + category.settings + category.moods { terms += phrase.keywords }
            terms += category.general
        }
        for prefixes in [GeneratorPrefixes.video, GeneratorPrefixes.aerial, GeneratorPrefixes.photoClose, GeneratorPrefixes.photoMacro,
                         GeneratorPrefixes.illustration, GeneratorPrefixes.vector, GeneratorPrefixes.template] {
            for phrase in prefixes { terms += phrase.keywords }
        }
        terms += GeneratorPrefixes.kindTerms
        return terms
    }
}
