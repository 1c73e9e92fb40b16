import StockCore

/// The 20 searches the speed targets are measured on: common and rare terms, a phrase, boolean
/// queries, Cyrillic and Kazakh, filters only, and an empty query with filters.
enum QueryMix {
    static let all: [(name: String, query: String, filters: SearchFilters)] = {
        var f4k = SearchFilters(); f4k.only4K = true
        var fVideo = SearchFilters(); fVideo.kinds = [.video]; fVideo.minResolution = .p1080
        var fPhoto = SearchFilters(); fPhoto.kinds = [.photo]; fPhoto.orientations = [.vertical]; fPhoto.premium = .nonPremium
        var fCat = SearchFilters(); fCat.categories = ["nature-landscapes", "aerial-drone"]; fCat.safeSearch = true
        var fMix = SearchFilters(); fMix.licenseTypes = [.editorial]; fMix.free = .included
        return [
            ("common term", "city", SearchFilters()),
            ("common term 2", "night", SearchFilters()),
            ("rare term", "новосибирск", SearchFilters()),
            ("rare term 2", "скульптура", SearchFilters()),
            ("phrase", "\"golden hour\"", SearchFilters()),
            ("proximity", "\"lake ice\"~3", SearchFilters()),
            ("boolean", "(lake OR river) AND winter -fog", SearchFilters()),
            ("boolean + fields", "mountain OR forest type:photo orientation:horizontal", SearchFilters()),
            ("prefix", "aeri*", SearchFilters()),
            ("cyrillic", "байкал", SearchFilters()),
            ("cyrillic 2", "ночной город", SearchFilters()),
            ("kazakh", "қала", SearchFilters()),
            ("term + 4k", "drone", f4k),
            ("term + video filters", "sunset", fVideo),
            ("filters only", "type:video resolution:4k duration:5..20", SearchFilters()),
            ("filters only 2", "width:>=5000 mp:>=20 premium:false", SearchFilters()),
            ("empty + filters", "", fPhoto),
            ("empty + categories", "", fCat),
            ("empty + license", "", fMix),
            ("mixed OR", "drone OR type:video", SearchFilters()),
        ]
    }()
}
