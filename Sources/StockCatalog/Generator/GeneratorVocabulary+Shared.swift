/// Places used by several categories. English carries its preposition; Russian and Kazakh are the
/// nominative name, written after a comma ("Горное озеро на закате, Алтай").
enum VocabularyPlaces {
    static let moscow = "in Moscow|Москва|Мәскеу|moscow/москва/мәскеу"
    static let saintPetersburg = "in Saint Petersburg|Санкт-Петербург|Санкт-Петербург|saint_petersburg/санкт-петербург/санкт-петербург"
    static let almaty = "in Almaty|Алматы|Алматы|almaty/алматы/алматы"
    static let astana = "in Astana|Астана|Астана|astana/астана/астана"
    static let kazan = "in Kazan|Казань|Қазан|kazan/казань/қазан"
    static let novosibirsk = "in Novosibirsk|Новосибирск|Новосібір|novosibirsk/новосибирск/новосібір"
    static let yekaterinburg = "in Yekaterinburg|Екатеринбург|Екатеринбург|yekaterinburg/екатеринбург/екатеринбург"
    static let shymkent = "in Shymkent|Шымкент|Шымкент|shymkent/шымкент/шымкент"
    static let vladivostok = "in Vladivostok|Владивосток|Владивосток|vladivostok/владивосток/владивосток"
    static let sochi = "in Sochi|Сочи|Сочи|sochi/сочи/сочи"
    static let aktau = "in Aktau|Актау|Ақтау|aktau/актау/ақтау"
    static let karaganda = "in Karaganda|Караганда|Қарағанды|karaganda/караганда/қарағанды"
    static let atyrau = "in Atyrau|Атырау|Атырау|atyrau/атырау/атырау"
    static let murmansk = "in Murmansk|Мурманск|Мурманск|murmansk/мурманск/мурманск"
    static let turkistan = "in Turkistan|Туркестан|Түркістан|turkistan/туркестан/түркістан"
    static let istanbul = "in Istanbul|Стамбул|Стамбұл|istanbul/стамбул/стамбұл"
    static let tbilisi = "in Tbilisi|Тбилиси|Тбилиси|tbilisi/тбилиси/тбилиси"
    static let samarkand = "in Samarkand|Самарканд|Самарқанд|samarkand/самарканд/самарқанд"
    static let tokyo = "in Tokyo|Токио|Токио|tokyo/токио/токио"
    static let newYork = "in New York|Нью-Йорк|Нью-Йорк|new_york/нью-йорк/нью-йорк"
    static let dubai = "in Dubai|Дубай|Дубай|dubai/дубай/дубай"
    static let rome = "in Rome|Рим|Рим|rome/рим/рим"
    static let barcelona = "in Barcelona|Барселона|Барселона|barcelona/барселона/барселона"

    static let baikal = "on Lake Baikal|Байкал|Байкал|baikal/байкал/байкал lake/озеро/көл"
    static let altai = "in Altai|Алтай|Алтай|altai/алтай/алтай"
    static let kamchatka = "in Kamchatka|Камчатка|Камчатка|kamchatka/камчатка/камчатка"
    static let karelia = "in Karelia|Карелия|Карелия|karelia/карелия/карелия"
    static let burabay = "in Burabay|Бурабай|Бурабай|burabay/бурабай/бурабай"
    static let charyn = "in Charyn Canyon|Чарынский каньон|Шарын шатқалы|charyn/чарын/шарын canyon/каньон/шатқал"
    static let kolsai = "at Kolsai Lakes|Кольсайские озера|Көлсай көлдері|kolsai/кольсай/көлсай lake/озеро/көл"
    static let tianShan = "in the Tian Shan|Тянь-Шань|Тянь-Шань|tian_shan/тянь-шань/тянь-шань mountain/гора/тау"
    static let caucasus = "in the Caucasus|Кавказ|Кавказ|caucasus/кавказ/кавказ mountain/гора/тау"
    static let caspian = "on the Caspian Sea|Каспийское море|Каспий теңізі|caspian/каспий/каспий sea/море/теңіз"
    static let mangystau = "in Mangystau|Мангистау|Маңғыстау|mangystau/мангистау/маңғыстау"
    static let urals = "in the Urals|Урал|Орал|urals/урал/орал"
    static let nearAlmaty = "near Almaty|Алматы|Алматы|almaty/алматы/алматы"
    static let steppe = "in the steppe|степь|дала|steppe/степь/дала"
    static let taiga = "in the taiga|тайга|тайга|taiga/тайга/тайга"
    static let mountains = "in the mountains|горы|таулар|mountain/гора/тау"
    static let cityPark = "in a city park|городской парк|қалалық саябақ|park/парк/саябақ"
    static let cityStreet = "on a city street|городская улица|қала көшесі|street/улица/көше city/город/қала"
    static let atHome = "at home|дома|үйде|home/дом/үй"
    static let bySea = "by the sea|морское побережье|теңіз жағасы|sea/море/теңіз"
    static let modernOffice = "in a modern office|современный офис|заманауи кеңсе|office/офис/кеңсе"
    static let conferenceRoom = "in a conference room|переговорная|мәжіліс залы|conference_room/переговорная/мәжіліс_залы"
    static let cafe = "in a cafe|кафе|кафе|cafe/кафе/кафе"
    static let studio = "in a photo studio|фотостудия|фотостудия|studio/студия/студия"
    static let museum = "in a museum|музей|мұражай|museum/музей/мұражай"
    static let laboratory = "in a laboratory|лаборатория|зертхана|laboratory/лаборатория/зертхана"
}

/// Light, time of day and season. Seasonal ones (`~`) are left out for subjects that name their own.
enum VocabularyMoods {
    static let timeOfDay = [
        "at sunrise|на рассвете|таң атқанда|sunrise/рассвет/таң",
        "at sunset|на закате|күн батқанда|sunset/закат/күн_батуы",
        "at golden hour|в золотой час|алтын сағатта|golden_hour/золотой_час/алтын_сағат",
        "at night|ночью|түнде|night/ночь/түн",
        "at dusk|в сумерках|ымыртта|dusk/сумерки/ымырт",
        "in fog|в тумане|тұманда|fog/туман/тұман",
        "on a sunny day|в солнечный день|шуақты күні|sunny/солнечный/шуақты",
    ]
    static let seasons = [
        "~in winter|зимой|қыста|winter/зима/қыс",
        "~in summer|летом|жазда|summer/лето/жаз",
        "~in autumn|осенью|күзде|autumn/осень/күз",
        "~in spring|весной|көктемде|spring/весна/көктем",
        "~in the rain|под дождем|жаңбыр астында|rain/дождь/жаңбыр",
        "~in the snow|в снегу|қар астында|snow/снег/қар",
    ]
    static let starrySky = "under a starry sky|под звездным небом|жұлдызды аспан астында|stars/звезды/жұлдыздар sky/небо/аспан"
    static let indoor = [
        "in natural light|при дневном свете|табиғи жарықта|natural_light/естественный_свет/табиғи_жарық",
        "in soft light|в мягком свете|жұмсақ жарықта|soft_light/мягкий_свет/жұмсақ_жарық",
        "in warm tones|в теплых тонах|жылы реңкте|warm_tones/теплые_тона/жылы_реңк",
        ", close-up|, крупный план|, жақын план|close-up/крупный_план/жақын_план",
    ]
    static let studio = [
        "on a white background|на белом фоне|ақ фонда|white_background/белый_фон/ақ_фон",
        "on a dark background|на темном фоне|қараңғы фонда|dark_background/темный_фон/қараңғы_фон",
        "in studio light|в студийном свете|студия жарығында|studio/студия/студия",
        ", top view|, вид сверху|, жоғарыдан көрініс|top_view/вид_сверху/жоғарыдан_көрініс",
    ]
    static let outdoor = timeOfDay + seasons + [starrySky]
}

/// How titles start for each kind ("Timelapse of …", "Векторная иллюстрация: …"), with the keywords
/// each start brings. The empty start means the subject comes first.
enum GeneratorPrefixes {
    static let none = VocabularyPhrase("|||")
    static let video = [
        "Timelapse of |Таймлапс: |Таймлапс: |timelapse/таймлапс/таймлапс",
        "Slow motion: |Замедленная съемка: |Баяу түсірілім: |slow_motion/замедленная_съемка/баяу_түсірілім",
        "Cinematic shot of |Кинематографичный кадр: |Кинокадр: |cinematic/кинематографичный/кинематографиялық",
    ].map(VocabularyPhrase.init)
    static let aerial = [
        "Aerial view of |Аэросъемка: |Әуеден түсірілім: |aerial/аэросъемка/әуеден_түсірілім",
        "Drone flight over |Полет дрона: |Дрон ұшуы: |drone/дрон/дрон aerial/аэросъемка/әуеден_түсірілім",
    ].map(VocabularyPhrase.init)
    static let photoClose = [
        "Close-up of |Крупный план: |Жақын план: |close-up/крупный_план/жақын_план",
    ].map(VocabularyPhrase.init)
    static let photoMacro = [
        "Macro shot of |Макросъемка: |Макро түсірілім: |macro/макро/макро",
    ].map(VocabularyPhrase.init)
    static let illustration = [
        "Illustration of |Иллюстрация: |Иллюстрация: |illustration/иллюстрация/иллюстрация",
        "Watercolor illustration of |Акварельная иллюстрация: |Акварель иллюстрация: |watercolor/акварель/акварель illustration/иллюстрация/иллюстрация",
        "Digital painting of |Цифровая живопись: |Цифрлық кескіндеме: |digital_art/цифровое_искусство/цифрлық_өнер illustration/иллюстрация/иллюстрация",
        "Isometric illustration of |Изометрическая иллюстрация: |Изометриялық иллюстрация: |isometric/изометрия/изометрия illustration/иллюстрация/иллюстрация",
        "Cartoon drawing of |Мультяшный рисунок: |Мультфильм стиліндегі сурет: |cartoon/мультфильм/мультфильм drawing/рисунок/сурет",
    ].map(VocabularyPhrase.init)
    static let vector = [
        "Vector illustration of |Векторная иллюстрация: |Векторлық иллюстрация: |vector/вектор/вектор illustration/иллюстрация/иллюстрация",
        "Flat icon set: |Набор плоских иконок: |Жалпақ белгішелер жинағы: |icon/иконка/белгіше flat_design/плоский_дизайн/жалпақ_дизайн vector/вектор/вектор",
        "Seamless pattern: |Бесшовный узор: |Жіксіз өрнек: |seamless_pattern/бесшовный_узор/жіксіз_өрнек pattern/узор/өрнек vector/вектор/вектор",
        "Line art: |Линейная графика: |Сызықтық графика: |line_art/линейная_графика/сызықтық_графика vector/вектор/вектор",
        "Vector emblem: |Векторная эмблема: |Векторлық эмблема: |emblem/эмблема/эмблема logo/логотип/логотип vector/вектор/вектор",
    ].map(VocabularyPhrase.init)
    /// In `TemplateLayout.all` order.
    static let template = [
        "Social media post template: |Шаблон поста для соцсетей: |Әлеуметтік желі посты үлгісі: |template/шаблон/үлгі social_media/соцсети/әлеуметтік_желі",
        "Story template: |Шаблон сторис: |Сторис үлгісі: |template/шаблон/үлгі stories/сторис/сторис social_media/соцсети/әлеуметтік_желі",
        "Presentation template: |Шаблон презентации: |Презентация үлгісі: |template/шаблон/үлгі presentation/презентация/презентация",
        "Flyer template: |Шаблон флаера: |Флаер үлгісі: |template/шаблон/үлгі flyer/флаер/флаер",
        "Web banner template: |Шаблон веб-баннера: |Веб-баннер үлгісі: |template/шаблон/үлгі banner/баннер/баннер",
    ].map(VocabularyPhrase.init)

    static let videoTerm = VocabularyTerm("video/видео/бейне")
    static let photoTerm = VocabularyTerm("photo/фото/фото")
    static let fourKTerm = VocabularyTerm("4k/4k/4k")
    static let kindTerms = [videoTerm, photoTerm, fourKTerm]
}
