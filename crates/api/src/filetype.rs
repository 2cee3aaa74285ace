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

/// A file name safe to store and send back: no folders, no control characters, at most 200
/// characters, never empty.
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() { "attachment".to_owned() } else { cleaned }
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
    fn file_names_are_cleaned_and_encoded() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("C:\\Users\\x\\Ordine del giorno.pdf"), "Ordine del giorno.pdf");
        assert_eq!(clean_filename("\u{0}\n"), "attachment");
        assert_eq!(clean_filename(".hidden"), "hidden");
        let header = content_disposition("Dagordning Örebro.pdf");
        assert_eq!(
            header,
            "attachment; filename=\"Dagordning _rebro.pdf\"; filename*=UTF-8''Dagordning%20%C3%96rebro.pdf"
        );
    }
}
