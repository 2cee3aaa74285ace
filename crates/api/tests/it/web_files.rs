//! Files attached from the document page: an editor uploads a PDF and a PNG, sees them listed
//! with their type and size, removes one; a file too large (413) or of a type the platform
//! refuses (415) answers the document page with the reason in the reader's language; a viewer
//! sees no form and a crafted post from her gets the translated 403 page.

use crate::documents::{create, french_practice, published};
use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use mfx_domain::locale::test_locale;
use mfx_i18n::{Arg, Translator};
use reqwest::StatusCode;

/// A small, valid PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A one-pixel PNG: signature, header, one compressed row and the end.
fn png() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(b"\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89");
    out.extend_from_slice(b"\x00\x00\x00\x0dIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N");
    out.extend_from_slice(b"\x00\x00\x00\x00IEND\xaeB`\x82");
    out
}

/// A `multipart/form-data` body as a browser sends the upload form: the token, then the file.
fn form(csrf: &str, filename: &str, data: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----mfx-test-boundary-7d93";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_file(
    client: &reqwest::Client,
    url: &str,
    csrf: &str,
    name: &str,
    data: &[u8],
) -> (StatusCode, String, String) {
    let (content_type, body) = form(csrf, name, data);
    let response = client.post(url).header("content-type", content_type).body(body).send().await.expect("send");
    let status = response.status();
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, response.text().await.expect("body"))
}

fn notice(lang: &str, id: &str, name: &str) -> String {
    Translator::new(test_locale(lang)).args(id, &[("name", Arg::from(name))])
}

/// The action of the form removing the file shown as `name`.
fn remove_action(html: &str, name: &str) -> String {
    let item = html.split("<li data-file=\"").find(|li| li.starts_with(&format!("{name}\""))).expect("the file's row");
    item.split("action=\"").nth(1).and_then(|a| a.split('"').next()).expect("a remove form").to_owned()
}

async fn editors_attach_and_remove_files_from_the_document_page(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let mut body = french_practice();
    body["visibility"] = serde_json::json!("partnership");
    let created = create(&app, &ssd, "practices", &body).await;
    let id = created.body["id"].as_str().expect("id").to_owned();
    let doc = format!("/fr/practices/{id}");
    let claire = browser(&app);
    sign_in(&app, &claire, "fr", "claire@example.fr", "a long enough password").await;
    let fr = Translator::new(test_locale("fr"));

    let (status, html) = page(&claire, &app.url(&doc)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("enctype=\"multipart/form-data\" action=\"{doc}/attachments\"")), "{html}");
    assert!(html.contains("accept=\".pdf,.png,"), "the chooser offers the accepted types");
    assert!(html.contains(&fr.t("file-list-empty")));
    let csrf = csrf_of(&html);
    let upload = app.url(&format!("{doc}/attachments"));

    // A PDF and a photo, each back on the document with a notice naming it.
    let (status, location, _) = post_file(&claire, &upload, &csrf, "rapport.pdf", PDF).await;
    assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, doc.as_str()));
    let (_, html) = page(&claire, &app.url(&doc)).await;
    assert!(html.contains(&notice("fr", "notice-file-attached", "rapport.pdf")), "{html}");
    assert!(html.contains(">rapport.pdf</a> (Document PDF, "), "{html}");
    let (status, _, _) = post_file(&claire, &upload, &csrf, "photo.png", &png()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = page(&claire, &app.url(&doc)).await;
    assert!(html.contains(&format!(">photo.png</a> ({}, ", fr.t("file-type-image"))), "{html}");
    let listed = app.get(&format!("/api/v1/practices/{id}/attachments"), Some(&ssd)).await;
    let png_item =
        listed.body["items"].as_array().expect("items").iter().find(|i| i["filename"] == "photo.png").cloned();
    assert_eq!(png_item.expect("the photo")["content_type"], "image/png");

    // A type the platform refuses: the document page again, 415, the reason in French.
    let (status, _, html) = post_file(&claire, &upload, &csrf, "setup.exe", b"MZ\x90\x00\x03\x00\x00\x00binary").await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(html.contains(&fr.t("file-error-type")), "{html}");
    assert!(html.contains("Microcrédit accompagné") && html.contains("<html lang=\"fr\">"), "the document page");
    assert!(html.contains("aria-invalid=\"true\""));

    // Too large: refused from its announced length, before it is read.
    let big = vec![b'%'; 20 * 1024 * 1024 + 80 * 1024];
    let (status, _, html) = post_file(&claire, &upload, &csrf, "huge.pdf", &big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(html.contains(&fr.t("file-error-too-large")), "{html}");
    // And when the length is not announced, from what arrives.
    let (content_type, chunked) = form(&csrf, "huge.pdf", &big);
    let stream = futures_util::stream::iter(
        chunked.chunks(64 * 1024).map(|c| Ok::<_, std::io::Error>(c.to_vec())).collect::<Vec<_>>(),
    );
    let response = claire
        .post(&upload)
        .header("content-type", content_type)
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.expect("body").contains(&fr.t("file-error-too-large")));

    // Without the token: the translated 403 page, nothing stored.
    let (status, _, html) = post_file(&claire, &upload, "forged", "x.pdf", PDF).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("<html lang=\"fr\">"));

    // Removing the photo: gone from the list, named in the notice.
    let (_, html) = page(&claire, &app.url(&doc)).await;
    let action = remove_action(&html, "photo.png");
    let removed = claire.post(app.url(&action)).form(&[("csrf", csrf.as_str())]).send().await.expect("send");
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&claire, &app.url(&doc)).await;
    assert!(html.contains(&notice("fr", "notice-file-removed", "photo.png")), "{html}");
    assert!(!html.contains(">photo.png</a>") && html.contains(">rapport.pdf</a>"));
    let listed = app.get(&format!("/api/v1/practices/{id}/attachments"), Some(&ssd)).await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));

    // The section speaks every language, the refusal too.
    let english = messages("en");
    for lang in LANGUAGES {
        let path = format!("/{lang}/practices/{id}");
        let (status, html) = page(&claire, &app.url(&path)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&Translator::new(test_locale(lang)).t("file-upload-label")));
        speaks(lang, &path, &html, &english, &messages(lang));
        let (status, _, html) =
            post_file(&claire, &app.url(&format!("{path}/attachments")), &csrf, "a.exe", b"MZ!").await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(html.contains(&Translator::new(test_locale(lang)).t("file-error-type")));
        speaks(lang, &path, &html, &english, &messages(lang));
    }
}

async fn on_published_documents_files_wait_for_review_and_viewers_may_not_change_them(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    app.user_token("vera@example.si", "heart-of-slovenia", "viewer").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    let doc = format!("/sl/practices/{id}");

    let claire = browser(&app);
    sign_in(&app, &claire, "sl", "claire@example.fr", "a long enough password").await;
    let (_, html) = page(&claire, &app.url(&doc)).await;
    let csrf = csrf_of(&html);
    let (status, _, _) = post_file(&claire, &app.url(&format!("{doc}/attachments")), &csrf, "porocilo.pdf", PDF).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = page(&claire, &app.url(&doc)).await;
    assert!(html.contains(&notice("sl", "notice-file-attached-review", "porocilo.pdf")), "{html}");
    assert!(html.contains("data-pending-attachment=\"added\""));

    // A viewer reads the published document: no form, and a crafted post is refused.
    let vera = browser(&app);
    sign_in(&app, &vera, "sl", "vera@example.si", "a long enough password").await;
    let (status, html) = page(&vera, &app.url(&doc)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("multipart/form-data") && !html.contains("/remove\""), "no form for viewers");
    let csrf = csrf_of(&html);
    let (status, _, html) = post_file(&vera, &app.url(&format!("{doc}/attachments")), &csrf, "x.pdf", PDF).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let sl = Translator::new(test_locale("sl"));
    assert!(html.contains(&sl.t("error-page-forbidden-text")) && html.contains("<html lang=\"sl\">"), "{html}");
    let file = app.get(&format!("{path}/attachments"), Some(&ssd)).await.body["items"][0]["id"]
        .as_str()
        .expect("the pending file")
        .to_owned();
    let removed = vera
        .post(app.url(&format!("{doc}/attachments/{file}/remove")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(removed.status(), StatusCode::FORBIDDEN);
}

on_both_databases!(
    editors_attach_and_remove_files_from_the_document_page,
    on_published_documents_files_wait_for_review_and_viewers_may_not_change_them,
);
