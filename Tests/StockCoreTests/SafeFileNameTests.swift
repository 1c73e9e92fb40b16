import Foundation
import Testing
import StockCore

/// Names a service sends become one file name in the download directory, never a path.
@Suite struct SafeFileNameTests {
    @Test func traversalBecomesOneName() {
        #expect(SafeFileName.make("../../etc/passwd") == "etc_passwd")
        #expect(SafeFileName.make("..\\..\\Windows\\win.ini") == "Windows_win_ini")
        #expect(SafeFileName.make("/abs/path/photo.jpg") == "abs_path_photo.jpg")
        #expect(SafeFileName.make("a/./b/../c.png") == "a_b_c.png")
        #expect(SafeFileName.make("..") == "download")
        #expect(SafeFileName.make(".") == "download")
        #expect(SafeFileName.make("/") == "download")
        #expect(SafeFileName.make("") == "download")
        #expect(SafeFileName.make("../..", fallback: "asset-18742") == "asset-18742")
    }

    @Test func noHiddenFilesAndNoOptions() {
        #expect(SafeFileName.make(".bashrc") == "bashrc")
        #expect(SafeFileName.make("...hidden.jpg") == "hidden.jpg")
        #expect(SafeFileName.make("-rf .jpg") == "rf.jpg")
        #expect(SafeFileName.make("--help") == "help")
        #expect(SafeFileName.make(" - .- x.png") == "x.png")
        #expect(SafeFileName.make("name. . .") == "name")
    }

    @Test func controlsEscapesNulAndBidiOverridesAreGone() {
        #expect(SafeFileName.make("\u{1B}[31mred\u{1B}[0m.jpg") == "red.jpg")
        #expect(SafeFileName.make("\u{1B}]0;pwned\u{07}title.png") == "title.png")
        #expect(SafeFileName.make("a\u{0}b.jpg") == "ab.jpg")
        #expect(SafeFileName.make("line\none\ttwo.jpg") == "line one two.jpg")
        // "photo\u{202E}gpj.exe" shows as "photoexe.jpg" on a screen that honours the override.
        #expect(SafeFileName.make("photo\u{202E}gpj.exe", defaultExtension: "jpg") == "photogpj_exe.jpg")
        #expect(SafeFileName.make("a\u{200F}b\u{200B}c\u{FEFF}.jpg") == "abc.jpg")
        #expect(SafeFileName.make("\u{9B}2Jx.jpg") == "x.jpg")
    }

    @Test func everyScriptIsKept() {
        #expect(SafeFileName.make("Алматы таулары күн батқанда.jpg") == "Алматы таулары күн батқанда.jpg")
        #expect(SafeFileName.make("Ночная Москва", defaultExtension: "png") == "Ночная Москва.png")
        #expect(SafeFileName.make("東京 夜景.mp4") == "東京 夜景.mp4")
        #expect(SafeFileName.make("Family 👨‍👩‍👧.jpg") == "Family 👨‍👩‍👧.jpg")
        // Decomposed "й" is composed, so the same title always gives the same bytes.
        #expect(SafeFileName.make("и\u{0306}.jpg") == "й.jpg")
    }

    @Test func reservedPunctuationAndWhitespaceAreTamed() {
        #expect(SafeFileName.make("What? Who: \"me\" <x>|*.jpg") == "What_ Who_ _me_ _x___.jpg")
        #expect(SafeFileName.make("  lots    of   space  .png") == "lots of space.png")
    }

    @Test func onlyAllowedExtensionsSurvive() {
        #expect(SafeFileName.make("clip.MOV") == "clip.MOV")
        #expect(SafeFileName.make("archive.zip") == "archive.zip")
        #expect(SafeFileName.make("invoice.sh", defaultExtension: "jpg") == "invoice_sh.jpg")
        #expect(SafeFileName.make("invoice.sh") == "invoice_sh")
        #expect(SafeFileName.make("photo.jpg.exe", defaultExtension: "jpeg") == "photo.jpg_exe.jpeg")
        #expect(SafeFileName.make("Dawn. Almaty", defaultExtension: "tif") == "Dawn. Almaty.tif")
        #expect(SafeFileName.make("lake", defaultExtension: "exe") == "lake")
        #expect(SafeFileName.make("lake", defaultExtension: ".PNG") == "lake.PNG")
        #expect(SafeFileName.allowedExtension(of: "a.JPEG") == "jpeg")
        #expect(SafeFileName.allowedExtension(of: "a.html") == nil)
        #expect(SafeFileName.allowedExtension(of: ".jpg") == nil)
        for ext in ["jpg", "jpeg", "png", "tif", "tiff", "eps", "ai", "svg", "psd", "mp4", "mov", "webm", "zip"] {
            #expect(SafeFileName.isAllowed(extension: ext))
        }
    }

    @Test func longNamesAreCutTo200BytesKeepingTheExtension() {
        let ascii = SafeFileName.make(String(repeating: "a", count: 300) + ".jpeg")
        #expect(ascii.utf8.count == 200)
        #expect(ascii.hasSuffix("a.jpeg"))
        // Two-byte letters are never split.
        let cyrillic = SafeFileName.make(String(repeating: "ж", count: 150) + ".png")
        #expect(cyrillic.utf8.count <= 200)
        #expect(cyrillic == String(repeating: "ж", count: 98) + ".png")
        // A cut that ends in a space loses it.
        let spaced = SafeFileName.make(String(repeating: "ab ", count: 100) + ".jpg")
        #expect(spaced.utf8.count <= 200 && !spaced.dropLast(4).hasSuffix(" "))
    }

    @Test func hasUsableNameTellsWhetherAnythingIsLeft() {
        #expect(SafeFileName.hasUsableName("Lake"))
        #expect(!SafeFileName.hasUsableName(""))
        #expect(!SafeFileName.hasUsableName("../.."))
        #expect(!SafeFileName.hasUsableName("\u{1B}[2J"))
    }

    @Test func uniqueURLNeverNamesAnExistingFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("safe-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(SafeFileName.uniqueURL(in: dir, name: "lake.jpg").lastPathComponent == "lake.jpg")
        try Data("1".utf8).write(to: dir.appendingPathComponent("lake.jpg"))
        #expect(SafeFileName.uniqueURL(in: dir, name: "lake.jpg").lastPathComponent == "lake (1).jpg")
        try Data("2".utf8).write(to: dir.appendingPathComponent("lake (1).jpg"))
        // A dangling symbolic link is a name taken too.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("lake (2).jpg").path,
                                                   withDestinationPath: "/nonexistent/target")
        #expect(SafeFileName.uniqueURL(in: dir, name: "lake.jpg").lastPathComponent == "lake (3).jpg")
        #expect(SafeFileName.uniqueURL(in: dir, name: "README").lastPathComponent == "README")
        #expect(SafeFileName.numbered("README", 2) == "README (2)")
    }
}
