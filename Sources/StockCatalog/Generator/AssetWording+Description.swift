import StockCore

extension AssetWording {
    /// The title, description and keywords of an asset in `language`.
    func text(language: GeneratedLanguage, kind: AssetKind, shape: AssetShape, shot: PhotoShot?,
              editorial: Bool, ungraded: Bool, vocabulary: CategoryVocabulary, rng: inout SplitMix64) -> Text {
        var kindTerms: [VocabularyTerm] = []
        switch kind {
        case .video:
            kindTerms.append(GeneratorPrefixes.videoTerm)
            if shape.videoResolution == .k4 { kindTerms.append(GeneratorPrefixes.fourKTerm) }
        case .photo:
            if rng.chance(40) { kindTerms.append(GeneratorPrefixes.photoTerm) }
        default:
            break
        }
        let keywords = keywords(language, kindTerms: kindTerms, general: vocabulary.general, rng: &rng)
        var description = lead(language, kind: kind, shape: shape) + core(language) + "."
        if let detail = detail(language, kind: kind, shape: shape, shot: shot) { description += " " + detail }
        if ungraded { description += " " + Self.ungradedNote[language.rawValue] }
        description += " " + rng.pick(Self.usage[language.rawValue])
        if editorial { description += " " + Self.editorialNote[language.rawValue] }
        return Text(title: title(language), description: description, keywords: keywords)
    }

    private func lead(_ language: GeneratedLanguage, kind: AssetKind, shape: AssetShape) -> String {
        switch kind {
        case .photo:
            return ["Stock photo of ", "Стоковое фото: ", "Стоктық фото: "][language.rawValue]
        case .video:
            let label = Self.resolutionLabel(shape.videoResolution)
            let vertical = shape.height > shape.width
            switch language {
            case .english: return (vertical ? "Vertical " : "") + label + " footage of "
            case .russian: return (vertical ? "Вертикальное видео " : "Видео ") + label + ": "
            case .kazakh: return (vertical ? "Тік " : "") + label + " бейне: "
            }
        case .illustration:
            return ["Illustration of ", "Иллюстрация: ", "Иллюстрация: "][language.rawValue]
        case .vector:
            return ["Vector illustration of ", "Векторная иллюстрация: ", "Векторлық иллюстрация: "][language.rawValue]
        case .template, .model3D:  // the generator makes no 3D models (AssetRecipe.kinds)
            let layout = shape.templateLayout ?? 0
            switch language {
            case .english: return "Editable " + Self.templateNouns[0][layout] + " template: "
            case .russian: return "Редактируемый шаблон (" + Self.templateNouns[1][layout] + "): "
            case .kazakh: return "Өңделетін үлгі (" + Self.templateNouns[2][layout] + "): "
            }
        }
    }

    private func detail(_ language: GeneratedLanguage, kind: AssetKind, shape: AssetShape, shot: PhotoShot?) -> String? {
        switch kind {
        case .photo:
            guard let shot else { return nil }
            let exif = shot.exif, body = shot.body
            let focal = Self.number(exif.focalLength ?? 0)
            let iso = String(exif.iso ?? 100)
            let settings = "f/" + Self.number(exif.aperture ?? 0) + ", " + (exif.shutter ?? "") + " "
            let film = shot.camera == .film
            switch language {
            case .english:
                return film ? "Shot on film, " + body.displayName + ", " + focal + " mm, ISO " + iso + "."
                    : "Shot on " + body.displayName + ", " + focal + " mm, " + settings + "s, ISO " + iso + "."
            case .russian:
                return film ? "Снято на пленку, " + body.displayName + ", " + focal + " мм, ISO " + iso + "."
                    : "Снято на " + body.displayName + ", " + focal + " мм, " + settings + "с, ISO " + iso + "."
            case .kazakh:
                return film ? "Пленкаға түсірілген, " + body.displayName + ", " + focal + " мм, ISO " + iso + "."
                    : body.displayName + " камерасымен түсірілген, " + focal + " мм, " + settings + "с, ISO " + iso + "."
            }
        case .video:
            let fps = Self.number(shape.fps ?? 0)
            let codec = shape.codec ?? ""
            let seconds = Self.number(shape.duration ?? 0)
            switch language {
            case .english: return fps + " fps, " + codec + ", " + seconds + " seconds."
            case .russian: return fps + " кадров/с, " + codec + ", " + Self.commaDecimal(seconds) + " с."
            case .kazakh: return "Секундына " + fps + " кадр, " + codec + ", " + Self.commaDecimal(seconds) + " секунд."
            }
        case .illustration:
            let size = String(shape.width) + " × " + String(shape.height)
            return ["High-resolution digital artwork, " + size + " px.",
                    "Цифровая графика высокого разрешения, " + size + " пикс.",
                    "Жоғары ажыратымдылықты цифрлық графика, " + size + " пиксель."][language.rawValue]
        case .vector:
            let files = shape.formats.filter { ["ai", "eps", "svg"].contains($0) }.map { $0.uppercased() }.joined(separator: ", ")
            return ["Editable vector file: ", "Редактируемый векторный файл: ", "Өңделетін векторлық файл: "][language.rawValue] + files + "."
        case .template, .model3D:  // the generator makes no 3D models (AssetRecipe.kinds)
            let files = shape.formats.map { $0.uppercased() }.joined(separator: ", ")
            return ["Layered and fully editable: text, fonts and colours change in minutes. Files: ",
                    "Все слои редактируются: текст, шрифты и цвета. Файлы: ",
                    "Барлық қабаттар өңделеді: мәтін, қаріп және түстер. Файлдар: "][language.rawValue] + files + "."
        }
    }

    static func resolutionLabel(_ resolution: VideoResolution?) -> String {
        switch resolution {
        case .k4: "4K"
        case .p1080: "Full HD"
        default: "HD"
        }
    }

    /// `30`, `2.8`, `6.765`: whole numbers without a fraction; never locale-dependent.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func commaDecimal(_ text: String) -> String {
        String(text.map { $0 == "." ? "," : $0 })
    }

    static let templateNouns = [
        ["social media post", "story", "presentation", "flyer", "web banner"],
        ["пост для соцсетей", "сторис", "презентация", "флаер", "веб-баннер"],
        ["әлеуметтік желі посты", "сторис", "презентация", "флаер", "веб-баннер"],
    ]
    static let usage = [
        ["Ideal for websites, presentations and social media.", "Great for advertising, blogs and print.",
         "Suitable for commercial and editorial projects.", "Works well for backgrounds, banners and covers."],
        ["Подходит для сайтов, презентаций и соцсетей.", "Для рекламы, блогов и печати.",
         "Подойдет для коммерческих и редакционных проектов.", "Хорошо смотрится на фонах, баннерах и обложках."],
        ["Сайттарға, презентацияларға және әлеуметтік желілерге лайық.", "Жарнамаға, блогтарға және баспаға арналған.",
         "Коммерциялық және редакциялық жобаларға жарайды.", "Фондарға, баннерлерге және мұқабаларға жақсы үйлеседі."],
    ]
    static let editorialNote = ["Editorial use only.", "Только для редакционного использования.",
                                "Тек редакциялық мақсатта пайдалануға болады."]
    static let ungradedNote = ["Ungraded log footage, ready for colour grading.", "Без цветокоррекции (log), готово к грейдингу.",
                               "Түс түзетусіз (log) түсірілім, грейдингке дайын."]
}
