//! Building the application and running the HTTP server.

use crate::auth::TokenKeys;
use crate::bootstrap::{self, Prepared, StartupError};
use crate::clock::Clock;
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::middleware;
use crate::openapi;
use crate::route_table::RouteTable;
use crate::routes;
use crate::settings::Settings;
use crate::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServerHandle, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, ResponseError, web};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

/// The application with every route, for one worker.
pub fn build_app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, api) = App::new()
        .into_utoipa_app()
        .openapi(openapi::base())
        .app_data(state.clone())
        .configure(routes::configure)
        .split_for_parts();
    let api = openapi::finish(api);
    let routes = web::Data::new(RouteTable::from_openapi(&api));
    // Forms read their bodies with the same limit as the JSON API's documents.
    let body_limit = state.settings.max_json_bytes;
    app.app_data(routes)
        .app_data(web::PayloadConfig::new(body_limit))
        .app_data(web::FormConfig::default().limit(body_limit))
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", api))
        .configure(crate::web::configure)
        .service(
            web::resource("/api/docs")
                .get(|| async { HttpResponse::PermanentRedirect().insert_header(("Location", "/api/docs/")).finish() }),
        )
        .default_service(web::to(no_route))
        .wrap(from_fn(middleware::observe))
        // Outermost, so that what is compressed is the final body.
        .wrap(Compress::default())
}

/// Unknown path: 404; known path with another method: 405 with `Allow`.
async fn no_route(req: HttpRequest, routes: web::Data<RouteTable>) -> Result<HttpResponse, ApiError> {
    match routes.allowed(req.path()) {
        Some(methods) => {
            let mut response = ApiError::MethodNotAllowed.error_response();
            if let Ok(value) = HeaderValue::from_str(&methods.join(", ")) {
                response.headers_mut().insert(header::ALLOW, value);
            }
            Ok(response)
        }
        None => Err(ApiError::NoRoute),
    }
}

/// A started server.
#[derive(Debug)]
pub struct Running {
    pub addr: SocketAddr,
    pub handle: ServerHandle,
    pub state: AppState,
}

/// Prepares the database (migrations, seed, first account) and builds the shared state.
pub fn prepare_state(settings: Settings, clock: Clock) -> Result<(AppState, Prepared), StartupError> {
    let secret = bootstrap::jwt_secret(&settings)?;
    let unsubscribe_key = bootstrap::unsubscribe_secret(&settings)?;
    let prepared = bootstrap::prepare(&settings, clock.now())?;
    let cache = Arc::new(crate::response_cache::ResponseCache::new(settings.cache_bytes));
    let search = Arc::new(
        crate::indexing::open(&prepared.db, &settings.search_dir)
            .map_err(|e| StartupError::Search(format!("{}: {e}", settings.search_dir.display())))?,
    );
    let state = AppState {
        sessions: Arc::default(),
        cache,
        search,
        settings: Arc::new(settings),
        db: prepared.db.clone(),
        tokens: TokenKeys::new(&secret),
        clock,
        metrics: Arc::new(Metrics::default()),
        unsubscribe_key: Arc::from(unsubscribe_key.as_slice()),
    };
    Ok((state, prepared))
}

/// Starts serving on `listener`, with the task that keeps the response cache up with the
/// content change log (it ends when the server's state is dropped); the returned server must be
/// awaited (or spawned).
pub fn serve(state: AppState, listener: TcpListener) -> std::io::Result<(Server, SocketAddr)> {
    let addr = listener.local_addr()?;
    if state.cache.enabled() {
        actix_web::rt::spawn(crate::response_cache::follower::follow(Arc::downgrade(&state.cache), state.db.clone()));
    }
    let workers = state.settings.workers;
    // Headers must arrive within ten seconds (or the body timeout, when shorter); the body has
    // its own deadline (see `middleware`); after an answer that closes the connection, a client
    // has a second to read it before the connection is dropped.
    let header_timeout = state.settings.body_timeout.min(Duration::from_secs(10));
    actix_web::rt::spawn(crate::indexing::follow(state.search.clone(), state.db.clone()));
    let data = web::Data::new(state);
    let mut server = HttpServer::new(move || build_app(data.clone()))
        .listen(listener)?
        .shutdown_timeout(10)
        .client_request_timeout(header_timeout)
        .client_disconnect_timeout(Duration::from_secs(1));
    if let Some(workers) = workers {
        server = server.workers(workers);
    }
    Ok((server.run(), addr))
}

/// Every `MFX_DIGEST_INTERVAL_SECS` (half a minute): queue the digests whose time has come and
/// send what is due. A pass that fails (the database away) is counted and the next one runs as
/// usual.
pub async fn digest_scheduler(state: AppState, mailer: crate::mail::Mailer) {
    let mut tick = tokio::time::interval(state.settings.digest_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = state.clock.now();
        let db = state.db.clone();
        let queued = tokio::task::spawn_blocking(move || crate::mail::enqueue_due(&db, now, false)).await;
        let mut failed = false;
        match queued {
            Ok(Ok(n)) if n > 0 => tracing::info!(queued = n, "digests queued"),
            Ok(Ok(_)) => {}
            Ok(Err(error)) => {
                failed = true;
                tracing::warn!(%error, "queueing digests failed");
            }
            Err(error) => {
                failed = true;
                tracing::warn!(%error, "queueing digests failed");
            }
        }
        match crate::mail::send_due(&state.db, &mailer, &state.settings, &state.unsubscribe_key, now, 50).await {
            Ok(pass) if pass != crate::mail::Pass::default() => tracing::info!(?pass, "digests processed"),
            Ok(_) => {}
            Err(error) => {
                failed = true;
                tracing::warn!(%error, "sending digests failed");
            }
        }
        state.metrics.digest_pass(!failed);
    }
}

/// How long the content change log keeps a change: an instance or index that falls further
/// behind starts again from the documents themselves.
pub const CHANGE_LOG_DAYS: i64 = 7;

/// Hourly housekeeping: the retention pass (ended sessions, sign-in records, digests, names in
/// account changes and withdrawn calendar addresses past their periods, see
/// [`crate::retention`]), then the changes older than [`CHANGE_LOG_DAYS`].
pub async fn housekeeping(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(error) = crate::retention::pass(&state).await {
            tracing::warn!(%error, "the retention pass failed");
        }
        let now = state.clock.now();
        let result = state
            .write(move |conn| mfx_store::changes::prune(conn, now - chrono::Duration::days(CHANGE_LOG_DAYS)))
            .await;
        match result {
            Ok(changes) => tracing::debug!(changes, "housekeeping done"),
            Err(error) => tracing::warn!(%error, "housekeeping failed"),
        }
    }
}
