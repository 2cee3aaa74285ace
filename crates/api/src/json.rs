//! The JSON body extractor: checks the content type, bounds the size while reading, and
//! reports which field failed to parse and why.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use mfx_domain::{FieldError, Violations};
use serde::de::DeserializeOwned;

/// A request body parsed from JSON.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Parses JSON bytes into `T`, mapping syntax errors to 400 and shape errors to 422 with the
/// path of the failing field. A number without a fraction written with one (`2048.0`) is an
/// integer, as JSON Schema counts it.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let error = match parse_as_written(body) {
        Ok(value) => return Ok(value),
        Err(error @ ApiError::Domain(_)) => error,
        Err(other) => return Err(other),
    };
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(body) else { return Err(error) };
    if !integral_numbers(&mut value) {
        return Err(error);
    }
    // Read again as written now, so that a remaining error names its own field.
    let rewritten = serde_json::to_vec(&value).map_err(|_| error)?;
    parse_as_written(&rewritten)
}

/// Writes every number that has no fraction as an integer; whether any changed.
pub fn integral_numbers(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 => {
                #[expect(clippy::cast_possible_truncation, reason = "a whole number below 2^53")]
                let whole = f as i64;
                *value = Value::from(whole);
                true
            }
            _ => false,
        },
        Value::Array(items) => {
            let mut changed = false;
            for item in items {
                changed |= integral_numbers(item);
            }
            changed
        }
        Value::Object(fields) => {
            let mut changed = false;
            for item in fields.values_mut() {
                changed |= integral_numbers(item);
            }
            changed
        }
        _ => false,
    }
}

fn parse_as_written<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let message = strip_position(&inner.to_string());
                let code = if message.starts_with("unknown field") { "unknown_field" } else { "invalid_value" };
                let root = path == "." || path.is_empty();
                let field = match (root, code) {
                    // serde names an unknown field at the root in its message only.
                    (true, "unknown_field") => message.split('`').nth(1).unwrap_or("body").to_owned(),
                    (true, _) => "body".to_owned(),
                    (false, _) => path.trim_start_matches('.').to_owned(),
                };
                ApiError::invalid(Violations::from(FieldError::new(field, code, message)))
            }
            _ => {
                ApiError::BadRequest { code: "malformed_json", detail: format!("The body is not valid JSON: {inner}.") }
            }
        }
    })?;
    deserializer.end().map_err(|e| ApiError::BadRequest {
        code: "malformed_json",
        detail: format!("The body is not valid JSON: {e}."),
    })?;
    Ok(value)
}

/// Like [`parse`], for bodies that must be a JSON object (every request body of this API).
pub fn parse_object<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        Some(b'{') | None => parse(body),
        Some(b'[' | b'"' | b't' | b'f' | b'n' | b'-' | b'0'..=b'9') => Err(ApiError::invalid(Violations::from(
            FieldError::new("body", "not_an_object", "the body must be a JSON object"),
        ))),
        Some(_) => parse(body),
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<web::Data<AppState>>().map_or(1 << 20, |s| s.settings.max_json_bytes);
        let json = is_json(req);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !json {
                return Err(ApiError::UnsupportedMediaType { expected: "application/json" });
            }
            if declared.is_some_and(|len| len > limit) {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            let mut body = web::BytesMut::with_capacity(declared.unwrap_or(1024).min(limit));
            while let Some(chunk) = payload.next().await {
                let chunk =
                    chunk.map_err(|e| ApiError::BadRequest { code: "unreadable_body", detail: e.to_string() })?;
                if body.len() + chunk.len() > limit {
                    return Err(ApiError::PayloadTooLarge { limit });
                }
                body.extend_from_slice(&chunk);
            }
            parse_object(&body).map(JsonBody)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::Error;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "fields are only parsed")]
    struct Input {
        name: String,
        count: u32,
    }

    fn field_of(error: ApiError) -> (String, &'static str) {
        match error {
            ApiError::Domain(Error::Invalid(v)) => {
                v.iter().next().map(|e| (e.field.clone(), e.code)).unwrap_or_default()
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_are_bad_requests() {
        assert!(matches!(parse::<Input>(b"{\"name\": "), Err(ApiError::BadRequest { code: "malformed_json", .. })));
        assert!(matches!(parse::<Input>(br#"{"name": "x", "count": 1} trailing"#), Err(ApiError::BadRequest { .. })));
        assert!(matches!(parse::<Input>(b""), Err(ApiError::BadRequest { .. })));
    }

    #[test]
    fn shape_errors_name_the_field() {
        let err = parse::<Input>(br#"{"name": "x", "count": "three"}"#).expect_err("refused");
        assert_eq!(field_of(err), ("count".to_owned(), "invalid_value"));
        let err = parse::<Input>(br#"{"name": "x", "count": 1, "colour": 2}"#).expect_err("refused");
        assert_eq!(field_of(err), ("colour".to_owned(), "unknown_field"));
        let err = parse_object::<Input>(b"[1, 2]").expect_err("refused");
        assert_eq!(field_of(err), ("body".to_owned(), "not_an_object"));
        let err = parse::<Input>(br#"{"name": 5}"#).expect_err("refused");
        assert_eq!(field_of(err), ("name".to_owned(), "invalid_value"));
    }

    #[test]
    fn whole_numbers_written_with_a_fraction_are_integers() {
        #[derive(Debug, Deserialize)]
        struct Counts {
            count: u32,
            items: Vec<i64>,
            ratio: f64,
        }
        let counts = parse::<Counts>(br#"{"count": 3.0, "items": [1.0, -2], "ratio": 0.5}"#).expect("parses");
        assert_eq!((counts.count, counts.items, counts.ratio), (3, vec![1, -2], 0.5));
        let err = parse::<Counts>(br#"{"count": 3.5, "items": [], "ratio": 1}"#).expect_err("refused");
        assert_eq!(field_of(err), ("count".to_owned(), "invalid_value"));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse::<serde_json::Value>(deep.as_bytes()).is_err());
    }
}
