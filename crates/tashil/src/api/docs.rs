//! A readable API reference rendered on the server from the OpenAPI document: no script,
//! nothing fetched.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use utoipa::openapi::OpenApi;

use crate::web::{Ctx, PageCtx};

pub struct Operation {
    pub method: String,
    pub path: String,
    pub summary: String,
    pub params: Vec<(String, String, String)>,
    pub responses: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "layout/api_docs.html")]
pub struct DocsPage {
    page: PageCtx,
    description: String,
    operations: Vec<Operation>,
}

pub async fn page(ctx: Ctx, doc: Arc<OpenApi>) -> Result<DocsPage, crate::web::AppError> {
    let doc = serde_json::to_value(&*doc).map_err(crate::web::AppError::internal)?;
    let mut operations = vec![];
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            let Some(methods) = item.as_object() else {
                continue;
            };
            for (method, op) in methods {
                let params = op["parameters"]
                    .as_array()
                    .map(|ps| {
                        ps.iter()
                            .map(|p| {
                                (
                                    p["name"].as_str().unwrap_or("").to_string(),
                                    p["in"].as_str().unwrap_or("").to_string(),
                                    p["description"].as_str().unwrap_or("").to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let responses = op["responses"]
                    .as_object()
                    .map(|rs| {
                        rs.iter()
                            .map(|(code, r)| {
                                (
                                    code.clone(),
                                    r["description"].as_str().unwrap_or("").to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                operations.push(Operation {
                    method: method.to_uppercase(),
                    path: path.clone(),
                    summary: op["summary"]
                        .as_str()
                        .or(op["description"].as_str())
                        .unwrap_or("")
                        .to_string(),
                    params,
                    responses,
                });
            }
        }
    }
    Ok(DocsPage {
        page: PageCtx::new(&ctx),
        description: doc["info"]["description"]
            .as_str()
            .unwrap_or("")
            .to_string(),
        operations,
    })
}
