//! The JSON Schema (draft 2020-12) of the plan record, written out by hand from record.rs.

use serde_json::{Value, json};

use super::record::SCHEMA_VERSION;
use crate::read::Format;
use crate::text::Encoding;

/// A nullable value of the given JSON type.
fn nullable(kind: &str) -> Value {
    json!({ "type": [kind, "null"] })
}

/// An object whose listed properties are all required and no others allowed.
fn object(properties: Value) -> Value {
    let required: Vec<Value> = properties
        .as_object()
        .map(|p| p.keys().map(|k| Value::String(k.clone())).collect())
        .unwrap_or_default();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false
    })
}

/// A nullable span of years.
fn period() -> Value {
    json!({ "anyOf": [ { "type": "null" }, { "$ref": "#/$defs/period" } ] })
}

/// The JSON Schema of what `kehoach parse` prints for one plan.
pub fn schema() -> Value {
    // The names records use, from the types that make them, so the two cannot drift apart (a
    // record of a .doc file once said "doc", which the schema did not list); "json" stays
    // allowed, as it always was, for records written by hand.
    let formats: Vec<&str> = Format::ALL
        .iter()
        .map(|f| f.name())
        .chain(["json"])
        .collect();
    let encodings: Vec<&str> = Encoding::ALL.iter().map(|e| e.name()).collect();
    let mut root = object(json!({
        "schema_version": { "const": SCHEMA_VERSION },
        "source": object(json!({
            "path": { "type": "string" },
            "format": { "enum": formats },
            "encoding": { "enum": encodings },
            "restored_lines": { "type": "integer", "minimum": 0 }
        })),
        "doc_type": nullable("string"),
        "number": nullable("string"),
        "symbol": nullable("string"),
        "issuer": object(json!({
            "name": nullable("string"),
            "level": { "enum": ["xa", "phuong", "thi_tran", "huyen", "thi_xa",
                                "thanh_pho_thuoc_tinh", "tinh", "thanh_pho_tw", null] },
            "locality": nullable("string")
        })),
        "place": nullable("string"),
        "date": object(json!({
            "day": { "type": ["integer", "null"], "minimum": 1, "maximum": 31 },
            "month": { "type": ["integer", "null"], "minimum": 1, "maximum": 12 },
            "year": nullable("integer")
        })),
        "title": nullable("string"),
        "programme": nullable("string"),
        "year": nullable("integer"),
        "period": period(),
        "legal_bases": { "type": "array", "items": object(json!({
            "kind": nullable("string"),
            "number": nullable("string"),
            "date": { "type": ["string", "null"], "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
            "issuer": nullable("string"),
            "subject": nullable("string")
        })) },
        "sections": { "type": "array", "items": { "$ref": "#/$defs/section" } },
        "targets": { "type": "array", "items": object(json!({
            "text": { "type": "string" },
            "section": nullable("string"),
            "quantity": nullable("number"),
            "unit": nullable("string"),
            "stars": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 },
            "at_least": { "type": "boolean" },
            "year": nullable("integer"),
            "period": period()
        })) },
        "products": { "type": "array", "items": object(json!({
            "name": { "type": "string" },
            "packaging": nullable("string"),
            "owner": nullable("string"),
            "address": nullable("string"),
            "stars": { "type": ["integer", "null"], "minimum": 1, "maximum": 5 },
            "status": { "enum": ["certified", "planned", "upgrade", null] }
        })) },
        "budget": object(json!({
            "total_million_vnd": nullable("number"),
            "lines": { "type": "array", "items": object(json!({
                "label": { "type": "string" },
                "million_vnd": nullable("number")
            })) },
            "sources": { "type": "array", "items": { "type": "string" } }
        })),
        "assignments": { "type": "array", "items": object(json!({
            "agency": { "type": "string" },
            "duties": { "type": "array", "items": { "type": "string" } }
        })) },
        "schedule": { "type": "array", "items": object(json!({
            "task": { "type": "string" },
            "when": { "type": "string" }
        })) },
        "recipients": { "type": "array", "items": { "type": "string" } },
        "signature": object(json!({
            "authority": nullable("string"),
            "capacity": nullable("string"),
            "title": nullable("string"),
            "name": nullable("string")
        })),
        "warnings": { "type": "array", "items": { "type": "string" } }
    }));
    let section = object(json!({
        "label": { "type": "string" },
        "title": { "type": "string" },
        "text": { "type": "string" },
        "children": { "type": "array", "items": { "$ref": "#/$defs/section" } }
    }));
    let period = object(json!({
        "from": { "type": "integer" },
        "to": { "type": "integer" }
    }));
    if let Some(map) = root.as_object_mut() {
        map.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        map.insert(
            "$id".into(),
            json!("https://kehoach.invalid/plan-record.schema.json"),
        );
        map.insert("title".into(), json!("Plan record (kehoach parse)"));
        map.insert(
            "$defs".into(),
            json!({ "section": section, "period": period }),
        );
    }
    root
}
