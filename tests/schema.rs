//! The shipped JSON Schema must be exactly the one generated from the Rust types.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/cooperation.schema.json"
    );
    let committed = std::fs::read_to_string(path).expect("the schema file exists");
    let generated = cooperation_timeline::model::json_schema();
    assert!(
        committed == generated,
        "public/data/cooperation.schema.json is out of date with src/model/dataset.rs; \
         regenerate it with `cargo run --bin schema > public/data/cooperation.schema.json`"
    );
}

#[test]
fn schema_is_a_draft_2020_12_object_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&cooperation_timeline::model::json_schema()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let required = schema["required"].as_array().unwrap();
    for field in ["schema_version", "events", "sources", "lanes", "parties"] {
        assert!(
            required.iter().any(|r| r == field),
            "{field} must be required"
        );
    }
}

#[test]
fn a_list_that_may_be_left_out_reads_as_empty() {
    let schema: serde_json::Value =
        serde_json::from_str(&cooperation_timeline::model::json_schema()).unwrap();
    let event = &schema["$defs"]["Event"];
    for list in ["chairs", "agenda", "related", "notes"] {
        assert_eq!(
            event["properties"][list]["default"],
            serde_json::json!([]),
            "{list}"
        );
    }
    // A required list has no default: it must be there.
    assert!(event["properties"]["sources"].get("default").is_none());
    assert_eq!(
        schema["properties"]["periods"]["default"],
        serde_json::json!([])
    );
}
