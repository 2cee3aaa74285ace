//! What a file is, judged from its first bytes and never from its name: the types the platform
//! accepts as attachments (PDF, images, office documents).

/// The media type of an accepted file, or `None`.
pub fn detect(data: &[u8], filename: &str) -> Option<&'static str> {
    let starts = |prefix: &[u8]| data.starts_with(prefix);
    if starts(b"%PDF-") {
        return Some("application/pdf");
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if starts(b"\xff\xd8\xff") {
        return Some("image/jpeg");
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some("image/gif");
    }
    if starts(b"RIFF") && data.get(8..12) == Some(b"WEBP") {
        return Some("image/webp");
    }
    if starts(b"PK\x03\x04") {
        return zip_office_type(data);
    }
    if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        // A legacy Office container; which application it belongs to is only in its streams,
        // so the extension chooses among the three, never beyond them.
        let lower = filename.to_ascii_lowercase();
        return Some(if lower.ends_with(".xls") {
            "application/vnd.ms-excel"
        } else if lower.ends_with(".ppt") {
            "application/vnd.ms-powerpoint"
        } else {
            "application/msword"
        });
    }
    None
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Office Open XML and OpenDocument files are ZIP archives recognisable by their entries.
fn zip_office_type(data: &[u8]) -> Option<&'static str> {
    // OpenDocument stores its type uncompressed in the first entry, `mimetype`.
    let head = &data[..data.len().min(512)];
    if contains(head, b"mimetypeapplication/vnd.oasis.opendocument.text") {
        return Some("application/vnd.oasis.opendocument.text");
    }
    if contains(head, b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet") {
        return Some("application/vnd.oasis.opendocument.spreadsheet");
    }
    if contains(head, b"mimetypeapplication/vnd.oasis.opendocument.presentation") {
        return Some("application/vnd.oasis.opendocument.presentation");
    }
    if !contains(data, b"[Content_Types].xml") {
        return None;
    }
    if contains(data, b"word/") {
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    } else if contains(data, b"xl/") {
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    } else if contains(data, b"ppt/") {
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
    } else {
        None
    }
}

/// Characters that change how text around them is shown without being visible themselves:
/// bidirectional embeddings, overrides and isolates (which can make `exe.pdf` read as
/// `fdp.exe`), zero-width characters and line separators.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}')
}

/// A file name safe to store and send back: no folders, no control, bidirectional or invisible
/// formatting characters, at most 200 characters, never empty.
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control() && !is_invisible_format(*c) && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':')
        })
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() { "attachment".to_owned() } else { cleaned }
}

/// The extensions a file of this (detected) type may carry; the first is the usual one.
fn extensions(content_type: &str) -> &'static [&'static str] {
    match content_type {
        "application/pdf" => &["pdf"],
        "image/png" => &["png"],
        "image/jpeg" => &["jpg", "jpeg"],
        "image/gif" => &["gif"],
        "image/webp" => &["webp"],
        "application/msword" => &["doc"],
        "application/vnd.ms-excel" => &["xls"],
        "application/vnd.ms-powerpoint" => &["ppt"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => &["docx"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => &["xlsx"],
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => &["pptx"],
        "application/vnd.oasis.opendocument.text" => &["odt"],
        "application/vnd.oasis.opendocument.spreadsheet" => &["ods"],
        "application/vnd.oasis.opendocument.presentation" => &["odp"],
        _ => &[],
    }
}

/// The cleaned name of a file with an extension that agrees with its detected type: a PDF
/// sent as `minutes.html` is named `minutes.pdf`, one sent as `minutes` gets `.pdf` added.
pub fn stored_filename(name: &str, content_type: &str) -> String {
    let cleaned = clean_filename(name);
    let allowed = extensions(content_type);
    let Some(usual) = allowed.first() else { return cleaned };
    let (stem, extension) = match cleaned.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, Some(ext)),
        _ => (cleaned.as_str(), None),
    };
    match extension {
        Some(ext) if allowed.iter().any(|a| a.eq_ignore_ascii_case(ext)) => cleaned,
        // Something that looks like an extension is replaced, anything else is kept as a name.
        Some(ext) if (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
            format!("{}.{usual}", stem.trim_end())
        }
        _ => {
            let mut name: String = cleaned.chars().take(200 - usual.len() - 1).collect();
            name.push('.');
            name.push_str(usual);
            name
        }
    }
}

/// A `Content-Disposition: attachment` value carrying any file name (RFC 6266 / RFC 8187).
pub fn content_disposition(filename: &str) -> String {
    let ascii: String = filename.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
    let mut encoded = String::new();
    for byte in filename.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{}\"; filename*=UTF-8''{encoded}", ascii.replace('\\', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content() {
        assert_eq!(detect(b"%PDF-1.7\n...", "agenda.docx"), Some("application/pdf"));
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n....", "x"), Some("image/png"));
        assert_eq!(detect(b"\xff\xd8\xff\xe0..JFIF", "photo.pdf"), Some("image/jpeg"));
        assert_eq!(detect(b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a"), Some("image/webp"));
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert_eq!(
            detect(docx, "report.pdf"),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        let odt = b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text";
        assert_eq!(detect(odt, "x"), Some("application/vnd.oasis.opendocument.text"));
        assert_eq!(detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "budget.xls"), Some("application/vnd.ms-excel"));
    }

    #[test]
    fn other_content_is_refused_whatever_its_name() {
        assert_eq!(detect(b"<html><script>alert(1)</script>", "slides.pdf"), None);
        assert_eq!(detect(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.png"), None);
        assert_eq!(detect(b"MZ\x90\x00", "setup.docx"), None);
        assert_eq!(detect(b"PK\x03\x04just a zip", "archive.docx"), None);
        assert_eq!(detect(b"", "empty.pdf"), None);
    }

    #[test]
    fn stored_names_carry_the_extension_of_their_content() {
        assert_eq!(stored_filename("minutes.html", "application/pdf"), "minutes.pdf");
        assert_eq!(stored_filename("Minutes.PDF", "application/pdf"), "Minutes.PDF");
        assert_eq!(stored_filename("photo.jpeg", "image/jpeg"), "photo.jpeg");
        assert_eq!(stored_filename("photo.pdf", "image/jpeg"), "photo.jpg");
        assert_eq!(stored_filename("Ordine del giorno", "application/pdf"), "Ordine del giorno.pdf");
        assert_eq!(
            stored_filename("report 2024.11.final version", "application/pdf"),
            "report 2024.11.final version.pdf"
        );
        assert_eq!(stored_filename("invoice\u{202E}fdp.exe", "application/pdf"), "invoicefdp.pdf");
        assert_eq!(stored_filename("", "image/png"), "attachment.png");
        let long = format!("{}.html", "a".repeat(300));
        assert!(stored_filename(&long, "application/pdf").ends_with(".pdf"));
        assert!(stored_filename(&long, "application/pdf").chars().count() <= 200);
        for content_type in [
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
        ] {
            assert!(!extensions(content_type).is_empty(), "{content_type} has an extension");
        }
    }

    #[test]
    fn file_names_are_cleaned_and_encoded() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("C:\\Users\\x\\Ordine del giorno.pdf"), "Ordine del giorno.pdf");
        assert_eq!(clean_filename("\u{0}\n"), "attachment");
        assert_eq!(clean_filename(".hidden"), "hidden");
        assert_eq!(clean_filename("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(clean_filename("a\u{2066}b\u{2069}\u{200B}c\u{FEFF}\u{2028}.pdf"), "abc.pdf");
        let header = content_disposition("Dagordning Örebro.pdf");
        assert_eq!(
            header,
            "attachment; filename=\"Dagordning _rebro.pdf\"; filename*=UTF-8''Dagordning%20%C3%96rebro.pdf"
        );
    }
}
