//! Reading old logs. Schema 1 → 2: `Subscribe` gained `currency`; a schema-1 log meant
//! dollars, so the upcaster writes the default currency in. Anything else is unchanged.

use serde_json::Value;

use super::action::Currency;

/// Rewrites one action stored under `schema` into the current (schema 2) shape.
pub fn upcast_action(schema: u32, mut action: Value) -> Result<Value, String> {
    if schema != 1 {
        return Err(format!(
            "subscriptions has no upcaster from schema {schema}; it reads schemas 1 and 2"
        ));
    }
    if let Some(subscribe) = action.get_mut("Subscribe") {
        let Value::Object(fields) = subscribe else {
            return Err(format!(
                "a schema 1 Subscribe must be an object, found {subscribe}"
            ));
        };
        if fields.contains_key("currency") {
            return Err("a schema 1 Subscribe has no currency field".to_string());
        }
        let default = serde_json::to_value(Currency::default()).map_err(|e| e.to_string())?;
        fields.insert("currency".to_string(), default);
    }
    Ok(action)
}

#[cfg(test)]
mod tests {
    use rewind::{Domain, Log, Step};
    use serde_json::json;

    use super::super::{SubscriptionAction, Subscriptions};
    use super::*;

    #[test]
    fn a_schema_1_subscribe_gains_the_default_currency() {
        let old = json!({"Subscribe": {"sub": 2, "plan_cents": 500}});
        let new = upcast_action(1, old).expect("schema 1 upcasts");
        assert_eq!(
            new,
            json!({"Subscribe": {"sub": 2, "plan_cents": 500, "currency": "USD"}})
        );
        let action: SubscriptionAction = serde_json::from_value(new).expect("schema 2 shape");
        assert_eq!(
            action,
            SubscriptionAction::Subscribe {
                sub: 2,
                plan_cents: 500,
                currency: Currency::Usd
            }
        );
    }

    #[test]
    fn other_schema_1_actions_are_unchanged() {
        let old = json!({"PinPost": {"post": 1}});
        assert_eq!(upcast_action(1, old.clone()), Ok(old));
    }

    #[test]
    fn unknown_schemas_and_malformed_subscribes_are_refused() {
        assert!(upcast_action(0, json!({"Cancel": {"sub": 0}})).is_err());
        assert!(upcast_action(1, json!({"Subscribe": 3})).is_err());
        let already = json!({"Subscribe": {"sub": 0, "plan_cents": 500, "currency": "EUR"}});
        assert!(upcast_action(1, already).is_err());
    }

    fn log_text(schema: u32, action: Value) -> String {
        json!({
            "format": "rewind-log/1",
            "domain": "subscriptions",
            "schema": schema,
            "seed": 1,
            "found_by": "hand-written test",
            "actions": [action],
            "violation": {"invariant": "none", "step": 0, "message": ""},
        })
        .to_string()
    }

    #[test]
    fn a_schema_1_log_decodes_through_the_upcaster() {
        let text = log_text(1, json!({"Subscribe": {"sub": 0, "plan_cents": 1000}}));
        let log = Log::parse("old.json", &text).expect("parses");
        let typed = log.decode::<Subscriptions>("old.json").expect("upcasts");
        assert_eq!(
            typed.steps,
            [Step::Act(SubscriptionAction::Subscribe {
                sub: 0,
                plan_cents: 1000,
                currency: Currency::Usd
            })]
        );
    }

    /// The corpus log `rewind sim` wrote while the domain was at schema 1 still decodes.
    #[test]
    fn the_committed_schema_1_corpus_log_decodes_in_dollars() {
        let file = "corpus/subscriptions/active_subscription_has_provider_key-e8658cbe.json";
        let text = include_str!(
            "../../../corpus/subscriptions/active_subscription_has_provider_key-e8658cbe.json"
        );
        let log = Log::parse(file, text).expect("parses");
        assert_eq!(log.schema, 1);
        let typed = log.decode::<Subscriptions>(file).expect("upcasts");
        assert!(matches!(
            typed.steps[0],
            Step::Act(SubscriptionAction::Subscribe {
                currency: Currency::Usd,
                ..
            })
        ));
    }

    #[test]
    fn a_log_newer_than_the_domain_is_refused_naming_the_file_and_schemas() {
        let newer = Subscriptions::SCHEMA + 1;
        let text = log_text(newer, json!({"Cancel": {"sub": 0}}));
        let log = Log::parse("future.json", &text).expect("parses");
        let Err(error) = log.decode::<Subscriptions>("future.json") else {
            panic!("a log of schema {newer} must be refused");
        };
        let message = error.to_string();
        assert!(message.contains("future.json"), "{message}");
        assert!(message.contains(&format!("schema {newer}")), "{message}");
        assert_eq!(error.field.as_deref(), Some("schema"));
    }
}
