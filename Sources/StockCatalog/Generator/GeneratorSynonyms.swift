/// The synonym table that goes with the generator's vocabulary (`assets/synonyms.tsv`): every
/// keyword's English, Russian and Kazakh forms in one group, plus spelling variants (ё, British
/// English) and plurals that titles use, so that a search in one language finds the others.
enum GeneratorSynonyms {
    /// Groups that come first, as the file has always started, and extra members for generated
    /// groups, keyed by the group's English head term.
    static let leadingGroups = [
        ["car", "automobile", "машина", "автомобиль", "көлік"],
        ["city", "город", "қала"],
    ]

    /// Plurals of the leading groups, which stay exactly as they are.
    static let trailingGroups = [
        ["cars", "машины", "көліктер", "car", "машина", "көлік"],
        ["cities", "города", "қалалар", "city", "город", "қала"],
    ]

    static let extraMembers: [String: [String]] = [
        "mountain": ["mountains", "горы", "таулар"],
        "lake": ["lakes", "озера", "көлдер"],
        "tree": ["trees", "деревья", "ағаштар"],
        "flower": ["flowers", "цветы", "гүлдер"],
        "cloud": ["clouds", "облака", "бұлттар"],
        "horse": ["horses", "лошади", "жылқылар"],
        "dog": ["dogs", "собаки", "иттер"],
        "cat": ["cats", "кошки", "мысықтар"],
        "leaf": ["leaves", "листья", "жапырақтар"],
        "bird": ["birds", "птицы", "құстар"],
        "building": ["buildings", "здания", "ғимараттар"],
        "skyscraper": ["skyscrapers", "небоскребы", "небоскрёб", "небоскрёбы", "зәулім ғимараттар"],
        "peak": ["peaks", "вершины", "шыңдар"],
        "street": ["streets", "улицы", "көшелер"],
        "river": ["rivers", "реки", "өзендер"],
        "forest": ["forests", "woods", "леса", "ормандар"],
        "children": ["kids", "child", "ребенок", "ребёнок", "бала"],
        "people": ["person", "человек", "адам"],
        "photo": ["photograph", "photography", "фотография", "фотосурет"],
        "video": ["footage", "clip", "клип", "видеоролик"],
        "color": ["colour", "colours", "colors", "цвета", "түстер"],
        "theatre": ["theater"],
        "jewelry": ["jewellery"],
        "watercolor": ["watercolour"],
        "airplane": ["aeroplane", "plane", "самолёт"],
        "christmas tree": ["ёлка", "новогодняя елка", "новогодняя ёлка"],
        "stars": ["star", "звёзды", "звезда", "жұлдыз"],
        "honey": ["мёд"],
        "ice": ["лёд"],
        "scientist": ["учёный"],
        "green": ["зелёный"],
        "birch": ["берёза"],
        "aerial": ["аэросъёмка", "aerial view", "bird's eye view"],
        "slow motion": ["замедленная съёмка", "slow-mo"],
        "black": ["чёрный"],
        "dark background": ["тёмный фон"],
        "warm tones": ["тёплые тона"],
        "crossroads": ["intersection", "перекрёсток"],
        "study": ["учёба"],
        "timelapse": ["time-lapse", "time lapse"],
        "drone": ["quadcopter", "квадрокоптер"],
        "night": ["nighttime", "ночной", "түнгі"],
        "winter": ["зимний", "қысқы"],
        "autumn": ["fall", "осенний", "күзгі"],
        "summer": ["летний", "жазғы"],
        "spring": ["весенний", "көктемгі"],
        "sunset": ["sundown", "закат солнца"],
        "sea": ["ocean", "океан", "мұхит"],
        "moscow": ["москве"],
    ]

    /// The table as TSV text, with a header comment.
    static func tsv() -> String {
        var order: [String] = []
        var groups: [String: [String]] = [:]
        func add(_ head: String, _ members: [String]) {
            if groups[head] == nil { order.append(head); groups[head] = [] }
            for member in members where !member.isEmpty && !groups[head]!.contains(member) {
                groups[head]!.append(member)
            }
        }
        for group in leadingGroups { add(group[0], group) }
        for term in GeneratorVocabulary.allTerms {
            add(term.english, [term.english, term.russian, term.kazakh])
        }
        for head in order where !leadingGroups.contains(where: { $0[0] == head }) { add(head, extraMembers[head] ?? []) }
        for group in trailingGroups { add(group[0], group) }

        var lines = [
            "# stockterm synonym table: one group of interchangeable search terms per line, tab-separated.",
            "# English, Russian and Kazakh forms of the demo catalog's keywords, plus spellings (ё, British",
            "# English) and plurals that titles use. Lines starting with # are comments.",
            "# Made from the generator's vocabulary (Sources/StockCatalog/Generator); edit both together.",
        ]
        for head in order {
            let members = groups[head]!
            if members.count >= 2 { lines.append(members.joined(separator: "\t")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
