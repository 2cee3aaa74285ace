//! The OpenAPI 3.1 document: the paths come from the registered handlers; this adds the
//! description, the bearer scheme, and the two documentation routes themselves.

use crate::error::Problem;
use utoipa::openapi::path::{HttpMethod, OperationBuilder};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as OpenApiDoc};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "MICROFUTURE Exchange API",
        description = "Good practices, meeting notes and policy action plans of an Interreg Europe partnership, \
                       in six languages. Authenticate with `POST /api/v1/auth/login` and send the access token as \
                       `Authorization: Bearer …`. Errors are RFC 9457 problem documents.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    components(schemas(Problem)),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Sign-in, token refresh and sign-out"),
        (name = "me", description = "The signed-in account"),
        (name = "partners", description = "The project and its partners"),
        (name = "users", description = "Account management (admins and coordinators)"),
        (name = "tracking", description = "Periods, work packages, deliverables, the action-item board, the dashboard, exports"),
        (name = "operations", description = "Health, readiness, metrics, the digest outbox and this document"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// The document before the handlers' paths are collected into it.
pub fn base() -> OpenApiDoc {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    doc
}

/// The complete document, without starting a server (for `mfx openapi` and client generators).
pub fn document() -> OpenApiDoc {
    use utoipa_actix_web::AppExt;
    let (_, doc) =
        actix_web::App::new().into_utoipa_app().openapi(base()).configure(crate::routes::configure).split_for_parts();
    finish(doc)
}

/// Adds what is not a utoipa handler: the document itself and its browser.
pub fn finish(mut doc: OpenApiDoc) -> OpenApiDoc {
    let spec = OperationBuilder::new()
        .tag("operations")
        .summary(Some("This OpenAPI 3.1 document"))
        .operation_id(Some("openapi_document"))
        .response(
            "200",
            ResponseBuilder::new()
                .description("The document")
                .content(
                    "application/json",
                    Content::new(None::<utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>>),
                )
                .build(),
        )
        .build();
    doc.paths.add_path_operation("/api/openapi.json", vec![HttpMethod::Get], spec);
    let browser = OperationBuilder::new()
        .tag("operations")
        .summary(Some("Interactive API documentation (served from the binary, works offline)"))
        .operation_id(Some("api_docs"))
        .response(
            "200",
            ResponseBuilder::new()
                .description("An HTML page")
                .content("text/html", Content::new(None::<utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>>))
                .build(),
        )
        .build();
    doc.paths.add_path_operation("/api/docs/", vec![HttpMethod::Get], browser);
    unique_operation_ids(&mut doc);
    common_problems(&mut doc);
    doc
}

/// The errors every API operation can answer whatever its handler does — a query string or
/// header that cannot be read, a bad token, a body of the wrong type or size, a value out of
/// range — listed on each operation that does not list them already.
fn common_problems(doc: &mut OpenApiDoc) {
    use utoipa::openapi::{Ref, RefOr};
    let problem = |description: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content("application/problem+json", Content::new(Some(Ref::from_schema_name("Problem"))))
                .build(),
        )
    };
    for (path, item) in &mut doc.paths.paths {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        for op in
            [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
        {
            let mut add = vec![
                ("400", "The query string or a header cannot be read"),
                ("401", "The access token is missing, invalid or expired"),
                ("422", "Invalid fields, each listed"),
            ];
            if op.request_body.is_some() {
                add.push(("413", "The body is larger than allowed"));
                add.push(("415", "The body is not of a type this operation reads"));
            }
            for (status, description) in add {
                op.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description));
            }
        }
    }
}

/// The three document kinds share handler names (`list`, `create` …): prefix those with the
/// collection so every operation id is unique (`practices_list`, `meeting_notes_list`).
fn unique_operation_ids(doc: &mut OpenApiDoc) {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for item in doc.paths.paths.values() {
        for op in [&item.get, &item.post, &item.put, &item.patch, &item.delete].into_iter().flatten() {
            if let Some(id) = &op.operation_id {
                *counts.entry(id.clone()).or_default() += 1;
            }
        }
    }
    for (path, item) in &mut doc.paths.paths {
        let collection = path.trim_start_matches("/api/v1/").split('/').next().unwrap_or_default().replace('-', "_");
        for op in
            [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
        {
            if let Some(id) = &op.operation_id
                && counts.get(id).copied().unwrap_or(0) > 1
            {
                op.operation_id = Some(format!("{collection}_{id}"));
            }
        }
    }
}
