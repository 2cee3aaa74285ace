//! The table of every route and its methods, taken from the OpenAPI document, so that a
//! request for a known path with the wrong method gets 405 with `Allow` instead of 404.

use utoipa::openapi::OpenApi;

#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    routes: Vec<(Vec<Segment>, Vec<&'static str>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
}

fn segments(path: &str) -> Vec<Segment> {
    path.trim_matches('/')
        .split('/')
        .map(
            |s| {
                if s.starts_with('{') && s.ends_with('}') { Segment::Parameter } else { Segment::Literal(s.to_owned()) }
            },
        )
        .collect()
}

impl RouteTable {
    pub fn from_openapi(doc: &OpenApi) -> Self {
        let routes = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods = Vec::new();
                for (present, name) in [
                    (item.get.is_some(), "GET"),
                    (item.post.is_some(), "POST"),
                    (item.put.is_some(), "PUT"),
                    (item.patch.is_some(), "PATCH"),
                    (item.delete.is_some(), "DELETE"),
                ] {
                    if present {
                        methods.push(name);
                    }
                }
                (segments(path), methods)
            })
            .collect();
        Self { routes }
    }

    /// The methods a path answers to, if any route has that path.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let wanted: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut methods: Vec<&'static str> = Vec::new();
        for (pattern, route_methods) in &self.routes {
            let matches = pattern.len() == wanted.len()
                && pattern.iter().zip(&wanted).all(|(segment, part)| match segment {
                    Segment::Parameter => !part.is_empty(),
                    Segment::Literal(literal) => literal == part,
                });
            if matches {
                methods.extend(route_methods.iter().filter(|m| !methods.contains(m)).collect::<Vec<_>>());
            }
        }
        (!methods.is_empty()).then_some(methods)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::openapi::path::{HttpMethod, OperationBuilder};

    #[test]
    fn paths_with_parameters_match_any_value() {
        let mut doc = OpenApi::default();
        doc.paths.add_path_operation(
            "/api/v1/users",
            vec![HttpMethod::Get, HttpMethod::Post],
            OperationBuilder::new().build(),
        );
        doc.paths.add_path_operation(
            "/api/v1/users/{id}",
            vec![HttpMethod::Get, HttpMethod::Patch],
            OperationBuilder::new().build(),
        );
        let table = RouteTable::from_openapi(&doc);
        assert_eq!(table.allowed("/api/v1/users"), Some(vec!["GET", "POST"]));
        assert_eq!(table.allowed("/api/v1/users/42"), Some(vec!["GET", "PATCH"]));
        assert_eq!(table.allowed("/api/v1/users/42/roles"), None);
        assert_eq!(table.allowed("/api/v1/groups"), None);
    }
}
