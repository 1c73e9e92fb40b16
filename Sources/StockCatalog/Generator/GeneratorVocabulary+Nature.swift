// Categories 1 to 8 of the 24: what their assets show, where, and in what light.
// Line format: see `VocabularyPhrase`. Keywords stay in the nominative (the search has no stemming).

extension GeneratorVocabulary {
    typealias P = VocabularyPlaces
    typealias M = VocabularyMoods

    static let natureLandscapes = CategoryVocabulary(
        slug: "nature-landscapes", name: "Nature & Landscapes", outdoor: true,
        subjects: [
            "mountain lake|горное озеро|тау көлі|lake/озеро/көл mountain/гора/тау",
            "snowy peaks|снежные вершины|қарлы шыңдар|peak/вершина/шың snow/снег/қар",
            "pine forest|сосновый лес|қарағай орманы|forest/лес/орман pine/сосна/қарағай",
            "waterfall|водопад|сарқырама|waterfall/водопад/сарқырама",
            "~steppe with wild tulips|степь с дикими тюльпанами|жабайы қызғалдақты дала|steppe/степь/дала tulip/тюльпан/қызғалдақ spring/весна/көктем",
            "canyon walls|стены каньона|шатқал қабырғалары|canyon/каньон/шатқал rock/скала/жартас",
            "mountain river|горная река|тау өзені|river/река/өзен mountain/гора/тау",
            "birch grove|березовая роща|қайың тоғайы|birch/береза/қайың forest/лес/орман",
            "sand dunes|песчаные дюны|құм төбелер|sand/песок/құм desert/пустыня/шөл",
            "alpine meadow|альпийский луг|альпі шалғыны|meadow/луг/шалғын flower/цветок/гүл",
            "rocky shore|скалистый берег|жартасты жағалау|shore/берег/жағалау rock/скала/жартас",
            "~frozen lake ice|лед замерзшего озера|қатқан көлдің мұзы|ice/лед/мұз lake/озеро/көл winter/зима/қыс",
            "wild flowers|полевые цветы|дала гүлдері|flower/цветок/гүл",
            "clouds over the valley|облака над долиной|аңғар үстіндегі бұлттар|cloud/облако/бұлт valley/долина/аңғар",
            "lone tree on a hill|одинокое дерево на холме|төбедегі жалғыз ағаш|tree/дерево/ағаш hill/холм/төбе",
        ],
        settings: [P.baikal, P.altai, P.nearAlmaty, P.charyn, P.kolsai, P.kamchatka, P.karelia, P.burabay, P.tianShan,
                   P.caucasus, P.urals, P.mangystau],
        moods: M.outdoor,
        general: "nature/природа/табиғат landscape/пейзаж/пейзаж view/вид/көрініс sky/небо/аспан travel/путешествие/саяхат scenic/живописный/көрікті wilderness/дикая_природа/жабайы_табиғат"
    )

    static let urbanCinematic = CategoryVocabulary(
        slug: "urban-cinematic", name: "Urban & Cinematic", outdoor: true,
        subjects: [
            "night avenue|ночной проспект|түнгі даңғыл|avenue/проспект/даңғыл night/ночь/түн",
            "city skyline|панорама города|қала панорамасы|city/город/қала panorama/панорама/панорама",
            "busy crossroads|оживленный перекресток|қарбалас қиылыс|crossroads/перекресток/қиылыс street/улица/көше",
            "evening traffic|вечерние пробки|кешкі кептеліс|traffic/пробка/кептеліс car/машина/көлік",
            "wet street with neon reflections|мокрая улица с неоновыми отражениями|неон шағылысқан дымқыл көше|street/улица/көше neon/неон/неон",
            "metro station|станция метро|метро бекеті|metro/метро/метро station/станция/бекет",
            "rooftops of the old town|крыши старого города|ескі қаланың шатырлары|roof/крыша/шатыр old_town/старый_город/ескі_қала",
            "pedestrian street|пешеходная улица|жаяу жүргіншілер көшесі|street/улица/көше pedestrian/пешеход/жаяу_жүргінші",
            "skyscrapers|небоскребы|зәулім ғимараттар|skyscraper/небоскреб/зәулім_ғимарат building/здание/ғимарат",
            "bridge lights|огни моста|көпір шамдары|bridge/мост/көпір lights/огни/шамдар",
            "tram on a city street|трамвай на улице города|қала көшесіндегі трамвай|tram/трамвай/трамвай street/улица/көше",
            "city embankment|городская набережная|қала жағалауы|embankment/набережная/жағалау city/город/қала",
            "!Garden Ring in Moscow|Садовое кольцо, Москва|Мәскеудегі Садовое кольцо|garden_ring/садовое_кольцо/садовое_кольцо moscow/москва/мәскеу",
            "!Nevsky Prospect in Saint Petersburg|Невский проспект, Санкт-Петербург|Санкт-Петербургтегі Невский даңғылы|nevsky_prospect/невский_проспект/невский_даңғылы saint_petersburg/санкт-петербург/санкт-петербург",
            "!Abay Avenue in Almaty|проспект Абая, Алматы|Алматыдағы Абай даңғылы|abay_avenue/проспект_абая/абай_даңғылы almaty/алматы/алматы",
        ],
        settings: [P.moscow, P.saintPetersburg, P.almaty, P.astana, P.kazan, P.novosibirsk, P.shymkent,
                   P.yekaterinburg, P.tokyo, P.newYork, P.istanbul],
        moods: M.timeOfDay + [
            "~in the rain|под дождем|жаңбыр астында|rain/дождь/жаңбыр",
            "~in winter|зимой|қыста|winter/зима/қыс",
            "~after the rain|после дождя|жаңбырдан кейін|rain/дождь/жаңбыр",
        ],
        general: "city/город/қала urban/городской/қалалық street/улица/көше cinematic/кинематографичный/кинематографиялық lights/огни/шамдар architecture/архитектура/сәулет"
    )

    static let foodPreparation = CategoryVocabulary(
        slug: "food-preparation", name: "Food & Cooking", outdoor: false,
        subjects: [
            "fresh bread|свежий хлеб|жаңа піскен нан|bread/хлеб/нан",
            "chef slicing vegetables|повар нарезает овощи|көкөніс турап жатқан аспаз|chef/повар/аспаз vegetables/овощи/көкөніс",
            "homemade dumplings|домашние пельмени|үй тұшпарасы|dumplings/пельмени/тұшпара",
            "beshbarmak|бешбармак|бешбармақ|beshbarmak/бешбармак/бешбармақ meat/мясо/ет",
            "golden baursaks|золотистые баурсаки|қызарған бауырсақтар|baursak/баурсак/бауырсақ",
            "borscht with sour cream|борщ со сметаной|қаймақ қосылған борщ|borscht/борщ/борщ soup/суп/сорпа",
            "pancakes with honey|блины с медом|бал қосылған құймақ|pancakes/блины/құймақ honey/мед/бал",
            "cup of coffee|чашка кофе|бір кесе кофе|coffee/кофе/кофе cup/чашка/кесе",
            "tea with milk|чай с молоком|сүт қосылған шай|tea/чай/шай milk/молоко/сүт",
            "fresh salad|свежий салат|жаңа салат|salad/салат/салат vegetables/овощи/көкөніс",
            "pizza from a wood oven|пицца из дровяной печи|пеште піскен пицца|pizza/пицца/пицца",
            "fruit platter|фруктовая тарелка|жеміс табағы|fruit/фрукты/жеміс",
            "grilled fish|рыба на гриле|грильде піскен балық|fish/рыба/балық grill/гриль/гриль",
            "kneading dough|замес теста|қамыр илеу|dough/тесто/қамыр baking/выпечка/тоқаш",
            "spices in bowls|специи в мисках|тостағандағы дәмдеуіштер|spices/специи/дәмдеуіш",
        ],
        settings: [
            "in a home kitchen|домашняя кухня|үй ас үйі|kitchen/кухня/ас_үй home/дом/үй",
            "in a restaurant kitchen|кухня ресторана|мейрамхана ас үйі|restaurant/ресторан/мейрамхана kitchen/кухня/ас_үй",
            "on a wooden table|деревянный стол|ағаш үстел|table/стол/үстел wood/дерево/ағаш",
            "at a street market|уличный рынок|көше базары|market/рынок/базар",
            P.cafe,
        ],
        moods: M.studio + M.indoor + ["in rustic style|в деревенском стиле|ауылдық стильде|rustic/деревенский/ауылдық"],
        general: "food/еда/тамақ cooking/кулинария/аспаздық dish/блюдо/тағам tasty/вкусный/дәмді kitchen/кухня/ас_үй homemade/домашний/үй_тамағы"
    )

    static let techWorkplace = CategoryVocabulary(
        slug: "tech-workplace", name: "Tech & Workplace", outdoor: false,
        subjects: [
            "developer writing code|разработчик пишет код|код жазып отырған бағдарламашы|developer/разработчик/бағдарламашы code/код/код programming/программирование/бағдарламалау",
            "laptop on a desk|ноутбук на рабочем столе|жұмыс үстеліндегі ноутбук|laptop/ноутбук/ноутбук desk/рабочий_стол/жұмыс_үстелі",
            "team meeting|совещание команды|команда жиналысы|team/команда/команда meeting/совещание/жиналыс",
            "video call|видеозвонок|бейнеқоңырау|video_call/видеозвонок/бейнеқоңырау",
            "server racks|серверные стойки|сервер сөрелері|server/сервер/сервер data/данные/деректер",
            "smartphone in hand|смартфон в руке|қолдағы смартфон|smartphone/смартфон/смартфон hand/рука/қол",
            "robot arm|роботизированная рука|робот қолы|robot/робот/робот automation/автоматизация/автоматтандыру",
            "microchip|микросхема|микросхема|chip/микросхема/микросхема electronics/электроника/электроника",
            "startup team|команда стартапа|стартап командасы|startup/стартап/стартап team/команда/команда",
            "remote work|удаленная работа|қашықтан жұмыс|remote_work/удаленная_работа/қашықтан_жұмыс laptop/ноутбук/ноутбук",
            "VR headset|VR-шлем|VR көзілдірігі|virtual_reality/виртуальная_реальность/виртуалды_шындық",
            "artificial intelligence concept|концепция искусственного интеллекта|жасанды интеллект тұжырымдамасы|artificial_intelligence/искусственный_интеллект/жасанды_интеллект",
            "presentation on a screen|презентация на экране|экрандағы презентация|presentation/презентация/презентация screen/экран/экран",
        ],
        settings: [
            P.modernOffice,
            "in a coworking space|коворкинг|коворкинг|coworking/коворкинг/коворкинг",
            "in a home office|домашний офис|үй кеңсесі|home/дом/үй office/офис/кеңсе",
            "in a server room|серверная|сервер бөлмесі|server/сервер/сервер",
            P.conferenceRoom,
        ],
        moods: M.indoor + [
            "late at night|поздно вечером|кеш түнде|night/ночь/түн",
            "in blue light|в синем свете|көк жарықта|blue/синий/көк",
        ],
        general: "technology/технологии/технология business/бизнес/бизнес work/работа/жұмыс computer/компьютер/компьютер office/офис/кеңсе internet/интернет/интернет digital/цифровой/цифрлық"
    )

    static let peopleLifestyle = CategoryVocabulary(
        slug: "people-lifestyle", name: "People & Lifestyle", outdoor: true,
        subjects: [
            "laughing young woman|смеющаяся девушка|күліп тұрған қыз|girl/девушка/қыз smile/улыбка/күлкі",
            "friends on a picnic|друзья на пикнике|пикниктегі достар|friends/друзья/достар picnic/пикник/пикник",
            "couple on a walk|пара на прогулке|серуендеп жүрген жұп|couple/пара/жұп walk/прогулка/серуен",
            "man with a coffee|мужчина с кофе|кофе ұстаған ер адам|man/мужчина/ер_адам coffee/кофе/кофе",
            "elderly couple|пожилая пара|егде жұп|elderly/пожилые/қарт couple/пара/жұп",
            "student with a backpack|студент с рюкзаком|рюкзак асқан студент|student/студент/студент backpack/рюкзак/рюкзак",
            "portrait of a young man|портрет молодого человека|жас жігіттің портреті|portrait/портрет/портрет man/мужчина/ер_адам",
            "grandmother knitting|бабушка вяжет|тоқып отырған әже|grandmother/бабушка/әже",
            "people at a party|люди на вечеринке|кештегі адамдар|people/люди/адамдар party/вечеринка/кеш",
            "woman reading a book|женщина читает книгу|кітап оқып отырған әйел|woman/женщина/әйел book/книга/кітап",
            "teenagers with phones|подростки с телефонами|телефон ұстаған жасөспірімдер|teenager/подросток/жасөспірім phone/телефон/телефон",
            "woman with a dog|женщина с собакой|иті бар әйел|woman/женщина/әйел dog/собака/ит",
            "friends laughing together|смеющиеся друзья|бірге күліп жүрген достар|friends/друзья/достар smile/улыбка/күлкі",
        ],
        settings: [P.cityPark, P.atHome, P.cityStreet, P.cafe, P.bySea, P.almaty, P.moscow, P.astana],
        moods: M.timeOfDay + M.seasons + ["in natural light|при дневном свете|табиғи жарықта|natural_light/естественный_свет/табиғи_жарық"],
        general: "people/люди/адамдар lifestyle/образ_жизни/өмір_салты happiness/счастье/бақыт leisure/отдых/демалыс portrait/портрет/портрет friendship/дружба/достық",
        matureWarnings: [["alcohol"], ["smoking"], ["alcohol", "smoking"]]
    )

    static let businessFinance = CategoryVocabulary(
        slug: "business-finance", name: "Business & Finance", outdoor: false,
        subjects: [
            "handshake|рукопожатие|қол алысу|handshake/рукопожатие/қол_алысу partnership/партнерство/серіктестік",
            "financial charts|финансовые графики|қаржылық графиктер|chart/график/график finance/финансы/қаржы",
            "stock exchange screen|биржевой экран|биржа экраны|stock_exchange/биржа/биржа screen/экран/экран",
            "confident businesswoman|уверенная деловая женщина|сенімді іскер әйел|businesswoman/бизнесвумен/іскер_әйел woman/женщина/әйел",
            "coins and banknotes|монеты и купюры|тиындар мен банкноттар|money/деньги/ақша coin/монета/тиын",
            "calculator and documents|калькулятор и документы|калькулятор мен құжаттар|document/документ/құжат calculator/калькулятор/калькулятор",
            "signing a contract|подписание договора|келісімшартқа қол қою|contract/договор/келісімшарт",
            "team brainstorming|мозговой штурм команды|команданың ми шабуылы|brainstorm/мозговой_штурм/ми_шабуылы team/команда/команда",
            "business district|деловой район|іскерлік аудан|business/бизнес/бизнес skyscraper/небоскреб/зәулім_ғимарат",
            "tenge banknotes|банкноты тенге|теңге банкноттары|tenge/тенге/теңге money/деньги/ақша",
            "ruble coins|рублевые монеты|рубль тиындары|ruble/рубль/рубль coin/монета/тиын",
            "payment by bank card|оплата банковской картой|банк картасымен төлеу|payment/оплата/төлем bank_card/банковская_карта/банк_картасы",
            "growth chart|график роста|өсу графигі|growth/рост/өсу chart/график/график",
        ],
        settings: [P.modernOffice, P.conferenceRoom, P.astana, P.moscow, P.almaty,
                   "in a bank|банк|банк|bank/банк/банк"],
        moods: M.indoor + M.studio,
        general: "business/бизнес/бизнес finance/финансы/қаржы money/деньги/ақша success/успех/табыс economy/экономика/экономика office/офис/кеңсе investment/инвестиции/инвестиция"
    )

    static let travelLandmarks = CategoryVocabulary(
        slug: "travel-landmarks", name: "Travel & Landmarks", outdoor: true,
        subjects: [
            "!Bayterek tower in Astana|монумент Байтерек, Астана|Бәйтерек монументі, Астана|bayterek/байтерек/бәйтерек astana/астана/астана",
            "!Red Square in Moscow|Красная площадь, Москва|Қызыл алаң, Мәскеу|red_square/красная_площадь/қызыл_алаң moscow/москва/мәскеу",
            "!Moscow Kremlin|Московский Кремль|Мәскеу Кремлі|kremlin/кремль/кремль moscow/москва/мәскеу",
            "!Hermitage in Saint Petersburg|Эрмитаж, Санкт-Петербург|Эрмитаж, Санкт-Петербург|hermitage/эрмитаж/эрмитаж saint_petersburg/санкт-петербург/санкт-петербург",
            "!Kazan Kremlin|Казанский кремль|Қазан Кремлі|kremlin/кремль/кремль kazan/казань/қазан",
            "!Mausoleum of Khoja Ahmed Yasawi in Turkistan|мавзолей Ходжи Ахмеда Ясави, Туркестан|Қожа Ахмет Ясауи кесенесі, Түркістан|mausoleum/мавзолей/кесене turkistan/туркестан/түркістан",
            "!Medeu ice rink|каток Медеу|Медеу мұз айдыны|medeu/медеу/медеу almaty/алматы/алматы",
            "!Registan in Samarkand|Регистан, Самарканд|Регистан, Самарқанд|registan/регистан/регистан samarkand/самарканд/самарқанд",
            "!Hagia Sophia in Istanbul|Айя-София, Стамбул|Айя-София, Стамбұл|hagia_sophia/айя-софия/айя-софия istanbul/стамбул/стамбұл",
            "!Eiffel Tower in Paris|Эйфелева башня, Париж|Эйфель мұнарасы, Париж|eiffel_tower/эйфелева_башня/эйфель_мұнарасы paris/париж/париж",
            "old town street|улочка старого города|ескі қала көшесі|old_town/старый_город/ескі_қала street/улица/көше",
            "tourist with a map|турист с картой|картасы бар турист|tourist/турист/турист map/карта/карта",
            "hotel by the sea|отель у моря|теңіз жағасындағы қонақүй|hotel/отель/қонақүй sea/море/теңіз",
            "traveler at a viewpoint|путешественник на смотровой площадке|көру алаңындағы саяхатшы|traveler/путешественник/саяхатшы viewpoint/смотровая_площадка/көру_алаңы",
            "suitcase at the airport|чемодан в аэропорту|әуежайдағы чемодан|suitcase/чемодан/чемодан airport/аэропорт/әуежай",
        ],
        settings: [P.saintPetersburg, P.almaty, P.tbilisi, P.istanbul, P.samarkand, P.sochi, P.kazan, P.dubai, P.rome,
                   P.barcelona, P.turkistan],
        moods: M.timeOfDay + M.seasons,
        general: "travel/путешествие/саяхат tourism/туризм/туризм landmark/достопримечательность/көрікті_жер vacation/отпуск/демалыс city/город/қала architecture/архитектура/сәулет"
    )

    static let sportsFitness = CategoryVocabulary(
        slug: "sports-fitness", name: "Sports & Fitness", outdoor: true,
        subjects: [
            "runner on a morning jog|бегун на утренней пробежке|таңғы жүгірістегі жүгіруші|running/бег/жүгіру runner/бегун/жүгіруші",
            "yoga practice|практика йоги|йога жаттығуы|yoga/йога/йога",
            "football match|футбольный матч|футбол матчы|football/футбол/футбол match/матч/матч",
            "gym workout|тренировка в спортзале|спортзалдағы жаттығу|gym/спортзал/спортзал workout/тренировка/жаттығу",
            "cyclists on a mountain road|велосипедисты на горной дороге|тау жолындағы велосипедшілер|cycling/велоспорт/велоспорт bicycle/велосипед/велосипед",
            "~skier on a slope|лыжник на склоне|беткейдегі шаңғышы|ski/лыжи/шаңғы winter/зима/қыс",
            "boxer training|тренировка боксера|боксшының жаттығуы|boxing/бокс/бокс",
            "swimmer in a pool|пловец в бассейне|бассейндегі жүзгіш|swimming/плавание/жүзу pool/бассейн/бассейн",
            "kazakh wrestling|казахская борьба|қазақ күресі|wrestling/борьба/күрес",
            "kokpar horse game|кокпар|көкпар ойыны|kokpar/кокпар/көкпар horse/лошадь/жылқы",
            "~hockey players on ice|хоккеисты на льду|мұздағы хоккейшілер|hockey/хоккей/хоккей ice/лед/мұз",
            "basketball game|баскетбольная игра|баскетбол ойыны|basketball/баскетбол/баскетбол",
            "stretching exercises|упражнения на растяжку|созылу жаттығулары|stretching/растяжка/созылу",
        ],
        settings: [
            "in a stadium|стадион|стадион|stadium/стадион/стадион",
            P.cityPark, P.mountains,
            "in a gym|спортзал|спортзал|gym/спортзал/спортзал",
            P.almaty, P.astana,
        ],
        moods: M.timeOfDay + M.seasons,
        general: "sport/спорт/спорт fitness/фитнес/фитнес health/здоровье/денсаулық workout/тренировка/жаттығу active/активный/белсенді energy/энергия/энергия"
    )
}
