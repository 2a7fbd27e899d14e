import Foundation

/// The text of a data file installed with Byline (`Resources/`, beside the code). Entities
/// cannot be found without it, so a missing file stops the process and names the file.
func bundledText(_ file: String) -> String {
    let name = (file as NSString).deletingPathExtension, fileExtension = (file as NSString).pathExtension
    guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension),
        let text = try? String(contentsOf: url, encoding: .utf8)
    else {
        fatalError("Byline's data file \(file) is missing from the installation")
    }
    return text
}

/// FNV-1a over the text's UTF-8 bytes: which version of a data file a model was trained with.
func contentDigest(_ text: String) -> UInt64 {
    text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
}
