//! The OpenAPI 3.1 document: the paths come from the registered handlers; this adds the
//! description, the bearer scheme, and the two documentation routes themselves.

use crate::error::Problem;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterIn};
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
    components(schemas(
        Problem,
        FileContent,
        mfx_domain::Locale,
        mfx_domain::Role,
        mfx_domain::document::Status,
        mfx_domain::tracking::DeliverableStatus,
        crate::usecases::tracking::CsvFormat,
        crate::usecases::tracking::report::ReportFormat,
        mfx_domain::vocabulary::Theme,
        mfx_domain::schema::PartnerSlugText,
        crate::routes::documents::KindFilter,
        crate::routes::documents::TextFormatCode,
        crate::routes::digests::OutboxStatus,
    )),
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

/// The bytes of a file, as a request body.
pub struct FileContent;

impl utoipa::PartialSchema for FileContent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Binary)))
            .into()
    }
}

impl utoipa::ToSchema for FileContent {}

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
    loaded_languages(&mut doc);
    parameters_are_never_null(&mut doc);
    optional_bodies_are_never_null(&mut doc);
    change_bodies(&mut doc);
    doc
}

/// A query or header parameter is text or absent, never JSON null: an optional one is stated
/// as `required: false` with the type of its value.
fn parameters_are_never_null(doc: &mut OpenApiDoc) {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{Schema, SchemaType, Type};
    for item in doc.paths.paths.values_mut() {
        for op in
            [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
        {
            for parameter in op.parameters.iter_mut().flatten() {
                let RefOr::T(parameter) = parameter else { continue };
                if let Some(RefOr::T(Schema::Object(schema))) = parameter.schema.as_mut()
                    && let SchemaType::Array(types) = &schema.schema_type
                {
                    let kept: Vec<Type> = types.iter().filter(|t| **t != Type::Null).cloned().collect();
                    if let [only] = kept.as_slice() {
                        schema.schema_type = SchemaType::Type(only.clone());
                    }
                }
                if let Some(RefOr::T(Schema::OneOf(one_of))) = parameter.schema.as_ref() {
                    let kept: Vec<RefOr<Schema>> = one_of
                        .items
                        .iter()
                        .filter(|s| !matches!(s, RefOr::T(Schema::Object(o)) if o.schema_type == SchemaType::Type(Type::Null)))
                        .cloned()
                        .collect();
                    if let [only] = kept.as_slice() {
                        parameter.schema = Some(only.clone());
                    }
                }
            }
        }
    }
}

/// A body that is not required is absent or an object, never JSON null.
fn optional_bodies_are_never_null(doc: &mut OpenApiDoc) {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{Schema, SchemaType, Type};
    for item in doc.paths.paths.values_mut() {
        for op in
            [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
        {
            let Some(RefOr::T(body)) = op.request_body.as_mut() else { continue };
            for content in body.content.values_mut() {
                let RefOr::T(content) = content else { continue };
                if let Some(RefOr::T(Schema::OneOf(one_of))) = content.schema.as_ref() {
                    let kept: Vec<RefOr<Schema>> = one_of
                        .items
                        .iter()
                        .filter(|s| !matches!(s, RefOr::T(Schema::Object(o)) if o.schema_type == SchemaType::Type(Type::Null)))
                        .cloned()
                        .collect();
                    if let [only] = kept.as_slice() {
                        content.schema = Some(only.clone());
                    }
                }
            }
        }
    }
}

/// The bodies of the `PATCH` operations: the fields of the create body, each optional (and for
/// documents without `language` and `partner`, which are fixed; inside `text`, only the texts
/// that change).
fn change_bodies(doc: &mut OpenApiDoc) {
    use utoipa::openapi::schema::Schema;
    use utoipa::openapi::{Ref, RefOr};
    let Some(components) = doc.components.as_mut() else { return };
    let mut bodies = Vec::new();
    for (path, input, text) in [
        ("/api/v1/practices/{id}", "PracticeInput", Some("PracticeText")),
        ("/api/v1/meeting-notes/{id}", "MeetingNoteInput", Some("MeetingText")),
        ("/api/v1/action-plans/{id}", "ActionPlanInput", Some("PlanText")),
        ("/api/v1/deliverables/{id}", "DeliverableInput", None),
    ] {
        let Some(RefOr::T(Schema::Object(create))) = components.schemas.get(input) else { continue };
        let mut changes = create.clone();
        changes.required.clear();
        changes.example = None;
        changes.description = Some("The fields that change; the others keep their values.".to_owned());
        if let Some(text) = text {
            changes.properties.remove("language");
            changes.properties.remove("partner");
            if let Some(RefOr::T(Schema::Object(texts))) = components.schemas.get(text) {
                let mut text_changes = texts.clone();
                text_changes.required.clear();
                let name = format!("{text}Changes");
                components.schemas.insert(name.clone(), RefOr::T(Schema::Object(text_changes)));
                changes.properties.insert("text".to_owned(), RefOr::Ref(Ref::from_schema_name(name)));
            }
        }
        let name = input.replace("Input", "Changes");
        components.schemas.insert(name.clone(), RefOr::T(Schema::Object(changes)));
        bodies.push((path, name));
    }
    for (path, text, name) in [
        ("/api/v1/practices/{id}/translations/{lang}", "PracticeText", "PracticeTranslation"),
        ("/api/v1/meeting-notes/{id}/translations/{lang}", "MeetingText", "MeetingTranslation"),
        ("/api/v1/action-plans/{id}/translations/{lang}", "PlanText", "PlanTranslation"),
    ] {
        let Some(RefOr::T(Schema::Object(input))) = components.schemas.get("TranslationInput") else { continue };
        let mut translation = input.clone();
        translation.properties.insert("text".to_owned(), RefOr::Ref(Ref::from_schema_name(text)));
        components.schemas.insert(name.to_owned(), RefOr::T(Schema::Object(translation)));
        bodies.push((path, name.to_owned()));
    }
    for (path, name) in bodies {
        let Some(RefOr::T(body)) = doc
            .paths
            .paths
            .get_mut(path)
            .and_then(|item| item.patch.as_mut().or(item.put.as_mut()))
            .and_then(|op| op.request_body.as_mut())
        else {
            continue;
        };
        for content in body.content.values_mut() {
            if let RefOr::T(content) = content {
                content.schema = Some(RefOr::Ref(Ref::from_schema_name(name.clone())));
            }
        }
    }
}

/// The languages a request may name are those the server has messages for.
fn loaded_languages(doc: &mut OpenApiDoc) {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    let Some(components) = doc.components.as_mut() else { return };
    let languages = mfx_i18n::loaded_languages();
    components.schemas.insert(
        "Locale".to_owned(),
        RefOr::T(Schema::Object(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some("A language of the platform, by its BCP 47 tag."))
                .enum_values(Some(languages.iter().map(|l| l.as_str())))
                .build(),
        )),
    );
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
        let operations = [
            (false, &mut item.get),
            (true, &mut item.post),
            (true, &mut item.put),
            (true, &mut item.patch),
            (true, &mut item.delete),
        ];
        for (writes, op) in operations.into_iter().filter_map(|(writes, op)| Some((writes, op.as_mut()?))) {
            let mut add = vec![
                ("400", "The query string or a header cannot be read"),
                ("401", "The access token is missing, invalid or expired"),
                ("422", "Invalid fields, each listed"),
                ("503", "The database cannot be reached now; `Retry-After` says when to try again"),
            ];
            if op.request_body.is_some() {
                add.push(("413", "The body is larger than allowed"));
                add.push(("415", "The body is not of a type this operation reads"));
            }
            if writes {
                add.push(("507", "The server has no room left to store the change; nothing of it was kept"));
            }
            let names = |name: &str| {
                op.parameters.iter().flatten().any(|p| {
                    matches!(p, utoipa::openapi::RefOr::T(p) if p.name == name && p.parameter_in == ParameterIn::Query)
                })
            };
            if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
                add.push(("403", "Not allowed for this account, or its one-time password must be changed first"));
            }
            if names("partner") {
                add.push(("404", "No partner has the slug given as `partner`"));
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
