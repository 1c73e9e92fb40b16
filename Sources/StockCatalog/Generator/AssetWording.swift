import StockCore

/// What an asset's words are made of: how the title starts, the subject, and optionally a setting
/// and a mood. The same pieces give the title, the description and the keywords in any language.
struct AssetWording {
    let prefix: VocabularyPhrase
    let subject: VocabularyPhrase
    let setting: VocabularyPhrase?
    let mood: VocabularyPhrase?

    /// The title, description and keywords in one language.
    struct Text {
        var title: String
        var description: String
        var keywords: [String]
    }

    static func choose(kind: AssetKind, vocabulary: CategoryVocabulary, composition: Composition?,
                       templateLayout: Int?, rng: inout SplitMix64) -> AssetWording {
        let aerialCategory = vocabulary.slug == "aerial-drone"
        var prefix = GeneratorPrefixes.none
        switch kind {
        case .video:
            if aerialCategory || (vocabulary.outdoor && composition == .long && rng.chance(35)) {
                prefix = rng.pick(GeneratorPrefixes.aerial)
            } else if rng.chance(50) {
                prefix = rng.pick(GeneratorPrefixes.video)
            }
        case .photo:
            if aerialCategory {
                if rng.chance(70) { prefix = GeneratorPrefixes.aerial[0] }
            } else if composition == .close {
                if rng.chance(40) { prefix = GeneratorPrefixes.photoClose[0] }
            } else if composition == .macro {
                if rng.chance(60) { prefix = GeneratorPrefixes.photoMacro[0] }
            }
        case .illustration:
            prefix = rng.pick(GeneratorPrefixes.illustration)
        case .vector:
            prefix = rng.pick(GeneratorPrefixes.vector)
        case .template, .model3D:  // the generator makes no 3D models (AssetRecipe.kinds)
            prefix = GeneratorPrefixes.template[templateLayout ?? 0]
        }
        let subject = rng.pick(vocabulary.subjects)
        var setting: VocabularyPhrase?
        if !subject.namesPlace, !vocabulary.settings.isEmpty, rng.chance(65) {
            setting = rng.pick(vocabulary.settings)
        }
        var mood: VocabularyPhrase?
        if rng.chance(60) {
            let candidate = rng.pick(vocabulary.moods)
            let taken = prefix.keywords + subject.keywords + (setting?.keywords ?? [])
            let repeats = candidate.keywords.contains { term in taken.contains { $0.english == term.english } }
            if !repeats, !(candidate.seasonal && subject.seasonal) { mood = candidate }
        }
        return AssetWording(prefix: prefix, subject: subject, setting: setting, mood: mood)
    }

    /// Night scenes get slow shutters and high ISO.
    var isNight: Bool {
        let night: Set<String> = ["night", "dusk", "stars"]
        return (mood?.keywords ?? []).contains { night.contains($0.english) }
            || subject.keywords.contains { night.contains($0.english) }
    }

    /// Subject, setting and mood in one language: "mountain lake in Altai at sunset",
    /// "горное озеро на закате, Алтай", "тау көлі күн батқанда, Алтай".
    func core(_ language: GeneratedLanguage, capitalized: Bool = false) -> String {
        var text = capitalized ? subject.capitalized[language.rawValue] : subject.text(language)
        if language == .english {
            if let setting { text += " " + setting.english }
            if let mood { text += Self.joining(mood.english) }
            return text
        }
        if let mood {
            let phrase = Self.joining(mood.text(language))
            // "монумент Байтерек, Астана" + "на закате" → "монумент Байтерек на закате, Астана"
            if subject.namesPlace, let comma = text.range(of: ", ") {
                text.insert(contentsOf: phrase, at: comma.lowerBound)
            } else {
                text += phrase
            }
        }
        if let setting { text += ", " + setting.text(language) }
        return text
    }

    private static func joining(_ phrase: String) -> String {
        phrase.hasPrefix(",") ? phrase : " " + phrase
    }

    func title(_ language: GeneratedLanguage) -> String {
        let start = prefix.text(language)
        return start.isEmpty ? core(language, capitalized: true) : start + core(language)
    }

    /// 5 to 15 keywords in the title's language: the specific ones first, then the category's;
    /// a fifth of Russian and Kazakh assets also carry the subject's English keywords.
    func keywords(_ language: GeneratedLanguage, kindTerms: [VocabularyTerm], general: [VocabularyTerm],
                  rng: inout SplitMix64) -> [String] {
        var result: [String] = []
        // Byte comparison: equal keywords are spelled identically, and it skips Unicode normalisation.
        func add(_ word: String) { if !result.contains(where: { $0.utf8.elementsEqual(word.utf8) }) { result.append(word) } }
        for term in subject.keywords { add(term.text(language)) }
        for term in setting?.keywords ?? [] { add(term.text(language)) }
        for term in mood?.keywords ?? [] { add(term.text(language)) }
        for term in prefix.keywords { add(term.text(language)) }
        for term in kindTerms { add(term.text(language)) }
        let englishToo = language != .english && rng.chance(20)
        let limit = englishToo ? 13 : 15
        let target = min(limit, max(result.count, 5 + rng.below(11)))
        var pool = general
        for i in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(i, rng.below(i + 1)) }
        for term in pool where result.count < target { add(term.text(language)) }
        if result.count > limit { result.removeLast(result.count - limit) }
        if englishToo {
            for term in subject.keywords.prefix(2) { add(term.english) }
        }
        return result
    }
}
