//! The disk under SQLite filling up: a small tmpfs the test mounts.

use super::*;

// ---------------------------------------------------------------- a full disk under SQLite

/// A tmpfs of `mib` MiB mounted at `dir`, unmounted when dropped.
struct SmallDisk {
    dir: PathBuf,
}

impl SmallDisk {
    fn mount(dir: &Path, mib: u32) -> Self {
        std::fs::create_dir_all(dir).expect("mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(mounted, "mounting a tmpfs needs root (or CAP_SYS_ADMIN)");
        SmallDisk { dir: dir.to_owned() }
    }

    /// Writes a file until the disk refuses more.
    fn fill(&self) -> PathBuf {
        let filler = self.dir.join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let block = vec![0_u8; 64 * 1024];
        loop {
            if let Err(error) = std::io::Write::write_all(&mut file, &block) {
                assert_eq!(error.raw_os_error(), Some(28), "the disk is full (ENOSPC): {error}");
                break;
            }
        }
        // Whatever is left, byte by byte.
        while std::io::Write::write_all(&mut file, &[0]).is_ok() {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

/// The data folder on a disk that fills up: writes are refused with 507 (a page in the
/// reader's language, problem+json in the API) and nothing is half-written; reads go on; once
/// space is freed, writing works again without a restart and the database is intact.
#[actix_web::test]
#[ignore = "needs root, to mount a small tmpfs"]
async fn a_full_disk_refuses_writes_and_keeps_everything() {
    let outside = Folder::new();
    let data = outside.path().join("data");
    let disk = SmallDisk::mount(&data, 48);
    let database = data.join("mfx.sqlite3");
    let serve = Serve::new(&database.display().to_string(), &data, &outside.path().join("serve.log"));
    serve.add_editor();
    let client = client();
    let running = serve.start(&client).await;
    let token = serve.sign_in(&client).await;
    let before = create_practice(&serve, &client, &token, "Written before the disk filled").await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let form = browser.get(serve.at("/it/sign-in")).send().await.expect("send").text().await.expect("body");
    let signed = browser
        .post(serve.at("/it/sign-in"))
        .form(&[("email", EDITOR), ("password", PASSWORD), ("csrf", &crate::web::csrf_of(&form))])
        .send()
        .await
        .expect("send");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let form = browser.get(serve.at("/it/practices/new")).send().await.expect("send").text().await.expect("body");
    let csrf = crate::web::csrf_of(&form);

    let filler = disk.fill();
    let refused = client.post(serve.at("/api/v1/practices")).bearer_auth(&token).json(&practice("Lost?")).send().await;
    let refused = refused.expect("an answer");
    assert_eq!(refused.status(), StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(refused.headers()["content-type"], "application/problem+json");
    let problem: Value = refused.json().await.expect("problem");
    assert_eq!(problem["code"], "storage_full", "{problem}");

    let page = browser
        .post(serve.at("/it/practices/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "it"),
            ("visibility", "public"),
            ("title", "Microcredito per l’economia sociale"),
            ("summary", "Un microcredito accompagnato."),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(page.status(), StatusCode::INSUFFICIENT_STORAGE);
    let html = page.text().await.expect("body");
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(html.contains("Lo spazio di archiviazione del server è pieno"), "in Italian: {html}");

    // Reads go on.
    let read = client.get(serve.at(&format!("/api/v1/practices/{before}"))).bearer_auth(&token).send().await;
    assert_eq!(read.expect("answer").status(), StatusCode::OK);
    let list = browser.get(serve.at("/it/practices")).send().await.expect("send");
    assert_eq!(list.status(), StatusCode::OK);

    // Space is freed: writing works again, without a restart.
    std::fs::remove_file(&filler).expect("free space");
    let mut after = None;
    for _ in 0..20 {
        let sent = client.post(serve.at("/api/v1/practices")).bearer_auth(&token).json(&practice("After")).send().await;
        if let Ok(response) = sent
            && response.status() == StatusCode::CREATED
        {
            after = Some(response.json::<Value>().await.expect("json")["id"].as_str().expect("id").to_owned());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let after = after.expect("a write succeeds once space is free");
    let listed: Value = client
        .get(serve.at("/api/v1/practices?limit=100"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    let titles: Vec<&str> =
        listed["items"].as_array().expect("items").iter().filter_map(|d| d["title"].as_str()).collect();
    assert!(titles.contains(&"Written before the disk filled") && titles.contains(&"After"), "{titles:?}");
    assert!(!titles.contains(&"Lost?") && !titles.iter().any(|t| t.starts_with("Microcredito")), "{titles:?}");
    assert_ne!(after, before);
    drop(running);

    use diesel::{Connection, RunQueryDsl, sqlite::SqliteConnection};
    #[derive(diesel::QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let mut conn = SqliteConnection::establish(&database.display().to_string()).expect("open");
    let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check").load(&mut conn).expect("check");
    assert_eq!(check.iter().map(|c| c.integrity_check.as_str()).collect::<Vec<_>>(), ["ok"]);
    drop(conn);
    drop(disk);
}
