// Categories 17 to 24 of the 24. Line format: see `VocabularyPhrase`.

extension GeneratorVocabulary {
    static let holidaysCelebrations = CategoryVocabulary(
        slug: "holidays-celebrations", name: "Holidays & Celebrations", outdoor: false,
        subjects: [
            "~New Year tree|новогодняя елка|жаңа жылдық шырша|new_year/новый_год/жаңа_жыл christmas_tree/елка/шырша winter/зима/қыс",
            "~Nauryz celebration|празднование Наурыза|Наурыз мерекесі|nauryz/наурыз/наурыз spring/весна/көктем",
            "birthday cake with candles|торт со свечами|шамдары бар туған күн торты|birthday/день_рождения/туған_күн cake/торт/торт",
            "fireworks|фейерверк|отшашу|fireworks/фейерверк/отшашу",
            "wedding ceremony|свадебная церемония|үйлену тойы|wedding/свадьба/үйлену_тойы",
            "gift boxes|подарочные коробки|сыйлық қораптары|gift/подарок/сыйлық",
            "festive table|праздничный стол|мерекелік дастарқан|feast/застолье/дастарқан",
            "~Maslenitsa festivities|гуляния на Масленицу|Масленица мерекесі|maslenitsa/масленица/масленица pancakes/блины/құймақ",
            "balloons|воздушные шары|әуе шарлары|balloons/воздушные_шары/әуе_шарлары",
            "~Christmas fair|рождественская ярмарка|Рождество жәрмеңкесі|christmas/рождество/рождество fair/ярмарка/жәрмеңке",
            "Independence Day of Kazakhstan|День независимости Казахстана|Қазақстанның Тәуелсіздік күні|independence_day/день_независимости/тәуелсіздік_күні kazakhstan/казахстан/қазақстан",
            "festive yurt|праздничная юрта|мерекелік киіз үй|yurt/юрта/киіз_үй",
            "~Halloween pumpkins|тыквы на Хэллоуин|Хэллоуин асқабақтары|halloween/хэллоуин/хэллоуин pumpkin/тыква/асқабақ autumn/осень/күз",
        ],
        settings: [P.almaty, P.astana, P.moscow, P.kazan, P.atHome,
                   "on a city square|городская площадь|қала алаңы|square/площадь/алаң city/город/қала"],
        moods: [
            "at night|ночью|түнде|night/ночь/түн",
            "with sparklers|с бенгальскими огнями|бенгал оттарымен|sparkler/бенгальский_огонь/бенгал_оты",
            "in festive lights|в праздничных огнях|мерекелік шамдармен|lights/огни/шамдар",
            "in warm tones|в теплых тонах|жылы реңкте|warm_tones/теплые_тона/жылы_реңк",
            "~in winter|зимой|қыста|winter/зима/қыс",
        ],
        general: "holiday/праздник/мереке celebration/торжество/той festive/праздничный/мерекелік party/вечеринка/кеш joy/радость/қуаныш family/семья/отбасы"
    )

    static let aerialDrone = CategoryVocabulary(
        slug: "aerial-drone", name: "Aerial & Drone", outdoor: true,
        subjects: [
            "winding river|извилистая река|иірімді өзен|river/река/өзен",
            "city blocks|городские кварталы|қала кварталдары|city/город/қала block/квартал/квартал",
            "highway interchange|автомобильная развязка|жол айрығы|interchange/развязка/жол_айрығы road/дорога/жол",
            "coastline|береговая линия|жағалау сызығы|coast/побережье/жағалау sea/море/теңіз",
            "wheat fields|пшеничные поля|бидай алқаптары|wheat/пшеница/бидай field/поле/алқап",
            "~autumn forest|осенний лес|күзгі орман|forest/лес/орман autumn/осень/күз",
            "mountain ridge|горный хребет|тау жотасы|ridge/хребет/жота mountain/гора/тау",
            "~frozen lake|замерзшее озеро|қатқан көл|lake/озеро/көл ice/лед/мұз winter/зима/қыс",
            "football stadium|футбольный стадион|футбол стадионы|stadium/стадион/стадион football/футбол/футбол",
            "port with ships|порт с кораблями|кемелері бар порт|port/порт/порт ship/корабль/кеме",
            "solar farm|солнечная электростанция|күн электр станциясы|solar_panel/солнечная_панель/күн_панелі energy/энергия/энергия",
            "salt lake|соленое озеро|тұзды көл|salt/соль/тұз lake/озеро/көл",
            "island in the lake|остров на озере|көлдегі арал|island/остров/арал lake/озеро/көл",
        ],
        settings: [P.baikal, P.nearAlmaty, P.moscow, P.astana, P.altai, P.caspian, P.aktau, P.burabay, P.kamchatka,
                   P.mangystau, P.saintPetersburg],
        moods: M.outdoor,
        general: "aerial/аэросъемка/әуеден_түсірілім drone/дрон/дрон top_view/вид_сверху/жоғарыдан_көрініс landscape/пейзаж/пейзаж view/вид/көрініс height/высота/биіктік"
    )

    static let abstractBackgrounds = CategoryVocabulary(
        slug: "abstract-backgrounds", name: "Abstract & Backgrounds", outdoor: false,
        subjects: [
            "blue gradient|синий градиент|көк градиент|gradient/градиент/градиент blue/синий/көк",
            "geometric pattern|геометрический узор|геометриялық өрнек|pattern/узор/өрнек geometry/геометрия/геометрия",
            "liquid marble texture|текстура жидкого мрамора|сұйық мәрмәр текстурасы|marble/мрамор/мәрмәр texture/текстура/текстура",
            "bokeh lights|огни боке|боке шамдары|bokeh/боке/боке lights/огни/шамдар",
            "paper texture|текстура бумаги|қағаз текстурасы|paper/бумага/қағаз texture/текстура/текстура",
            "neon lines|неоновые линии|неон сызықтар|neon/неон/неон line/линия/сызық",
            "swirls of smoke|клубы дыма|түтін шиыршықтары|smoke/дым/түтін",
            "Kazakh ornament|казахский орнамент|қазақ ою-өрнегі|ornament/орнамент/ою-өрнек kazakh/казахский/қазақ",
            "watercolor stains|акварельные пятна|акварель дақтары|watercolor/акварель/акварель",
            "golden glitter|золотые блестки|алтын жылтырақтар|gold/золото/алтын glitter/блестки/жылтырақ",
            "concrete wall texture|текстура бетонной стены|бетон қабырға текстурасы|concrete/бетон/бетон wall/стена/қабырға",
            "particles in space|частицы в пространстве|кеңістіктегі бөлшектер|particles/частицы/бөлшектер space/космос/ғарыш",
            "colorful waves|разноцветные волны|түрлі-түсті толқындар|wave/волна/толқын color/цвет/түс",
        ],
        settings: [],
        moods: [
            "in pastel colors|в пастельных тонах|пастель түстерде|pastel/пастель/пастель",
            "on a dark background|на темном фоне|қараңғы фонда|dark_background/темный_фон/қараңғы_фон",
            "in pink and purple|в розово-фиолетовых тонах|қызғылт-күлгін түстерде|pink/розовый/қызғылт purple/фиолетовый/күлгін",
            "in motion|в движении|қозғалыста|motion/движение/қозғалыс",
            ", minimalist|, минимализм|, минимализм|minimalism/минимализм/минимализм",
            "in gold and black|в золотых и черных тонах|алтын және қара түстерде|gold/золото/алтын black/черный/қара",
        ],
        general: "abstract/абстракция/абстракция background/фон/фон texture/текстура/текстура design/дизайн/дизайн color/цвет/түс wallpaper/обои/тұсқағаз"
    )

    static let agricultureFarming = CategoryVocabulary(
        slug: "agriculture-farming", name: "Agriculture & Farming", outdoor: true,
        subjects: [
            "combine harvester in a wheat field|комбайн в пшеничном поле|бидай алқабындағы комбайн|combine_harvester/комбайн/комбайн wheat/пшеница/бидай",
            "tractor plowing a field|трактор пашет поле|жер жыртып жатқан трактор|tractor/трактор/трактор field/поле/алқап",
            "farmer with the harvest|фермер с урожаем|егін жинаған фермер|farmer/фермер/фермер harvest/урожай/егін",
            "greenhouse tomatoes|помидоры в теплице|жылыжайдағы қызанақ|greenhouse/теплица/жылыжай tomato/помидор/қызанақ",
            "flock of sheep|отара овец|қой отары|sheep/овца/қой",
            "cows on a pasture|коровы на пастбище|жайылымдағы сиырлар|cow/корова/сиыр pasture/пастбище/жайылым",
            "apple orchard|яблоневый сад|алма бағы|apple/яблоко/алма orchard/сад/бақ",
            "~sunflower field|поле подсолнухов|күнбағыс алқабы|sunflower/подсолнух/күнбағыс field/поле/алқап summer/лето/жаз",
            "beekeeper with honeycomb|пасечник с сотами|бал ұясын ұстаған омарташы|beekeeping/пчеловодство/омарташылық honey/мед/бал",
            "irrigation of crops|полив посевов|егістікті суару|irrigation/полив/суару field/поле/алқап",
            "horse farm|конеферма|жылқы фермасы|horse/лошадь/жылқы farm/ферма/ферма",
            "rural village|деревня|ауыл|village/деревня/ауыл",
        ],
        settings: [P.steppe,
                   "in North Kazakhstan|Северный Казахстан|Солтүстік Қазақстан|kazakhstan/казахстан/қазақстан",
                   "in the Kuban|Кубань|Кубань|kuban/кубань/кубань",
                   "on a family farm|семейная ферма|отбасылық ферма|farm/ферма/ферма",
                   "in the Altai foothills|предгорья Алтая|Алтай бөктері|altai/алтай/алтай"],
        moods: M.timeOfDay + M.seasons,
        general: "agriculture/сельское_хозяйство/ауыл_шаруашылығы farm/ферма/ферма harvest/урожай/егін field/поле/алқап rural/сельский/ауылдық nature/природа/табиғат"
    )

    static let energyEnvironment = CategoryVocabulary(
        slug: "energy-environment", name: "Energy & Environment", outdoor: true,
        subjects: [
            "wind turbines|ветряные турбины|жел турбиналары|wind_turbine/ветрогенератор/жел_турбинасы wind/ветер/жел",
            "solar panels|солнечные панели|күн панельдері|solar_panel/солнечная_панель/күн_панелі",
            "hydroelectric dam|плотина ГЭС|СЭС бөгеті|dam/плотина/бөгет hydropower/гидроэнергетика/гидроэнергетика",
            "power lines|линии электропередачи|электр беру желілері|power_line/лэп/электр_желісі electricity/электричество/электр",
            "recycling bins|контейнеры для раздельного сбора|қоқыс сұрыптау контейнерлері|recycling/переработка/қайта_өңдеу waste/отходы/қалдық",
            "plastic pollution|загрязнение пластиком|пластикпен ластану|pollution/загрязнение/ластану plastic/пластик/пластик",
            "!dried seabed of the Aral Sea|высохшее дно Аральского моря|Арал теңізінің құрғаған түбі|aral_sea/аральское_море/арал_теңізі drought/засуха/құрғақшылық",
            "tree planting|посадка деревьев|ағаш отырғызу|tree/дерево/ағаш planting/посадка/отырғызу",
            "EV charging station|зарядная станция для электромобилей|электромобиль зарядтау станциясы|charging_station/зарядная_станция/зарядтау_станциясы electric_car/электромобиль/электромобиль",
            "power plant cooling towers|градирни электростанции|электр станциясының салқындату мұнаралары|power_plant/электростанция/электр_станциясы",
            "green leaf with water drops|зеленый лист с каплями воды|су тамшылары бар жасыл жапырақ|leaf/лист/жапырақ green/зеленый/жасыл",
            "smog over the city|смог над городом|қала үстіндегі түтін|smog/смог/смог city/город/қала",
        ],
        settings: [P.steppe,
                   "near Astana|Астана|Астана|astana/астана/астана",
                   "in the Caspian region|Прикаспий|Каспий өңірі|caspian/каспий/каспий",
                   P.mountains, P.karaganda],
        moods: M.timeOfDay + M.seasons,
        general: "energy/энергия/энергия ecology/экология/экология environment/окружающая_среда/қоршаған_орта green/зеленый/жасыл sustainability/устойчивое_развитие/тұрақты_даму climate/климат/климат"
    )

    static let familyKids = CategoryVocabulary(
        slug: "family-kids", name: "Family & Kids", outdoor: true,
        subjects: [
            "mother and baby|мама и малыш|ана мен сәби|mother/мама/ана baby/малыш/сәби",
            "father playing with his son|папа играет с сыном|ұлымен ойнап жүрген әке|father/папа/әке son/сын/ұл",
            "kids on a playground|дети на детской площадке|ойын алаңындағы балалар|children/дети/балалар playground/детская_площадка/ойын_алаңы",
            "family dinner|семейный ужин|отбасылық кешкі ас|family/семья/отбасы dinner/ужин/кешкі_ас",
            "grandparents with grandchildren|бабушка и дедушка с внуками|немерелерімен ата мен әже|grandmother/бабушка/әже grandfather/дедушка/ата",
            "girl with a kite|девочка с воздушным змеем|батпырауық ұшырған қыз|girl/девочка/қыз kite/воздушный_змей/батпырауық",
            "sleeping newborn|спящий новорожденный|ұйықтап жатқан нәресте|newborn/новорожденный/нәресте baby/малыш/сәби",
            "kids drawing|дети рисуют|сурет салып отырған балалар|children/дети/балалар drawing/рисунок/сурет",
            "family walk|семейная прогулка|отбасылық серуен|family/семья/отбасы walk/прогулка/серуен",
            "boy riding a bike|мальчик на велосипеде|велосипед тебіп жүрген бала|boy/мальчик/бала bicycle/велосипед/велосипед",
            "toys on the floor|игрушки на полу|едендегі ойыншықтар|toy/игрушка/ойыншық",
            "pregnant woman|беременная женщина|жүкті әйел|pregnancy/беременность/жүктілік woman/женщина/әйел",
            "~first day of school|первый день в школе|мектептегі алғашқы күн|school/школа/мектеп autumn/осень/күз",
        ],
        settings: [P.atHome, P.cityPark, P.bySea,
                   "at the dacha|дача|саяжай|dacha/дача/саяжай"],
        moods: M.timeOfDay + M.seasons + ["in natural light|при дневном свете|табиғи жарықта|natural_light/естественный_свет/табиғи_жарық"],
        general: "family/семья/отбасы children/дети/балалар childhood/детство/балалық_шақ happiness/счастье/бақыт love/любовь/махаббат parents/родители/ата-ана"
    )

    static let artCulture = CategoryVocabulary(
        slug: "art-culture", name: "Art & Culture", outdoor: false,
        subjects: [
            "painter at an easel|художник у мольберта|мольберт алдындағы суретші|artist/художник/суретші painting/живопись/кескіндеме",
            "museum gallery|галерея музея|мұражай галереясы|museum/музей/мұражай gallery/галерея/галерея",
            "pottery workshop|гончарная мастерская|қыш шеберханасы|pottery/керамика/қыш",
            "felt carpet making|изготовление войлочного ковра|киіз басу|felt/войлок/киіз carpet/ковер/кілем",
            "yurt interior|интерьер юрты|киіз үйдің іші|yurt/юрта/киіз_үй",
            "ancient petroglyphs|древние петроглифы|ежелгі петроглифтер|petroglyphs/петроглифы/петроглифтер history/история/тарих",
            "marble sculpture|мраморная скульптура|мәрмәр мүсін|sculpture/скульптура/мүсін marble/мрамор/мәрмәр",
            "calligraphy|каллиграфия|каллиграфия|calligraphy/каллиграфия/каллиграфия",
            "street mural|граффити на стене|қабырғадағы граффити|graffiti/граффити/граффити street_art/стрит-арт/көше_өнері",
            "matryoshka dolls|матрешки|матрешкалар|matryoshka/матрешка/матрешка souvenir/сувенир/кәдесый",
            "Khokhloma painting|хохлома|хохлома|khokhloma/хохлома/хохлома",
            "theatre masks|театральные маски|театр маскалары|mask/маска/маска theatre/театр/театр",
            "eagle hunter in traditional dress|беркутчи в национальной одежде|ұлттық киімдегі бүркітші|eagle_hunter/беркутчи/бүркітші golden_eagle/беркут/бүркіт tradition/традиция/дәстүр",
        ],
        settings: [P.museum,
                   "in an art studio|мастерская художника|суретші шеберханасы|studio/студия/студия",
                   P.moscow, P.saintPetersburg, P.almaty, P.turkistan],
        moods: M.indoor + ["at golden hour|в золотой час|алтын сағатта|golden_hour/золотой_час/алтын_сағат"],
        general: "art/искусство/өнер culture/культура/мәдениет tradition/традиция/дәстүр history/история/тарих craft/ремесло/қолөнер creativity/творчество/шығармашылық",
        matureWarnings: [["nudity"], ["partial nudity"]]
    )

    static let weatherSeasons = CategoryVocabulary(
        slug: "weather-seasons", name: "Weather & Seasons", outdoor: true,
        subjects: [
            "~thunderstorm over the steppe|гроза над степью|дала үстіндегі найзағай|thunderstorm/гроза/найзағай steppe/степь/дала",
            "~rainbow|радуга|кемпірқосақ|rainbow/радуга/кемпірқосақ",
            "~first snow|первый снег|алғашқы қар|snow/снег/қар winter/зима/қыс",
            "~autumn leaves|осенние листья|күзгі жапырақтар|leaf/лист/жапырақ autumn/осень/күз",
            "~blooming apricot trees|цветущие абрикосы|гүлдеген өрік ағаштары|apricot/абрикос/өрік blossom/цветение/гүлдеу spring/весна/көктем",
            "~snowstorm|метель|боран|blizzard/метель/боран winter/зима/қыс",
            "~frost patterns on a window|морозные узоры на окне|терезедегі аяз өрнегі|frost/мороз/аяз window/окно/терезе",
            "~raindrops on glass|капли дождя на стекле|әйнектегі жаңбыр тамшылары|rain/дождь/жаңбыр drop/капля/тамшы",
            "~storm clouds|грозовые тучи|нөсер бұлттары|cloud/облако/бұлт storm/шторм/дауыл",
            "~summer heat|летняя жара|жазғы аптап|heat/жара/аптап summer/лето/жаз",
            "~icicles|сосульки|сүңгілер|icicle/сосулька/сүңгі winter/зима/қыс",
            "~umbrella in the rain|зонт под дождем|жаңбырдағы қолшатыр|umbrella/зонт/қолшатыр rain/дождь/жаңбыр",
            "~morning dew|утренняя роса|таңғы шық|dew/роса/шық",
        ],
        settings: [P.almaty, P.astana, P.moscow, P.saintPetersburg, P.novosibirsk, P.murmansk, P.burabay, P.cityPark],
        moods: M.timeOfDay,
        general: "weather/погода/ауа_райы season/время_года/маусым sky/небо/аспан climate/климат/климат nature/природа/табиғат"
    )
}
