//! The two migration trees match, and every migration can be undone and redone.

use crate::support::{Backend, TestDatabase};
use diesel::RunQueryDsl;
use mfx_store::{DatabaseUrl, Db, PoolOptions, migrations};

fn names(tree: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations").join(tree);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("migrations folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        for file in ["up.sql", "down.sql"] {
            assert!(dir.join(name).join(file).is_file(), "{tree}/{name}/{file} is missing");
        }
    }
    names
}

#[test]
fn both_trees_have_the_same_migrations() {
    let sqlite = names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres"));
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn table_count(db: &Db) -> i64 {
    let sql = match db.backend() {
        mfx_store::Backend::Sqlite => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations'"
        }
        mfx_store::Backend::Postgres => {
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'"
        }
    };
    db.read(|conn| Ok(diesel::sql_query(sql).get_result::<Count>(conn)?.n)).expect("count tables")
}

fn up_down_up(backend: Backend) {
    let test_db = TestDatabase::create(backend);
    let db = Db::open(&DatabaseUrl::parse(&test_db.url).expect("url"), PoolOptions::default()).expect("open");
    let applied = migrations::run_pending(&db).expect("up");
    assert_eq!(applied.len(), names("sqlite").len());
    let tables = table_count(&db);
    assert!(tables >= 6, "{tables} tables after up");
    let reverted = migrations::revert_all(&db).expect("down");
    assert_eq!(reverted.len(), applied.len());
    assert_eq!(table_count(&db), 0, "down leaves no table behind");
    assert_eq!(migrations::run_pending(&db).expect("up again"), applied);
    assert_eq!(table_count(&db), tables);
    assert!(!migrations::has_pending(&db).expect("pending"));
}

#[test]
fn up_down_up_on_sqlite() {
    up_down_up(Backend::Sqlite);
}

#[test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
fn up_down_up_on_postgres() {
    up_down_up(Backend::Postgres);
}
