//! Reading what a user typed for one domain: a planted bug's name, a `--config` object, and
//! the rerun command that plays one run again.

use rewind_engine::{Bug, Bugs, Domain, Model};

use crate::sim::{DEFAULT_HISTORY_EVERY, SimPlan};

/// The planted bug called `name` in `M`, or an error listing the ones it has.
pub fn find_bug<M: Model>(name: &str) -> Result<&'static Bug, String> {
    Bugs::find(M::BUGS, name).ok_or_else(|| {
        if M::BUGS.is_empty() {
            return format!("`{name}` is not a planted bug of {}: it has none", M::NAME);
        }
        let known: Vec<&str> = M::BUGS.iter().map(|bug| bug.name).collect();
        format!(
            "`{name}` is not a planted bug of {}; it has: {}",
            M::NAME,
            known.join(", ")
        )
    })
}

/// `M`'s config from the JSON text of `--config`, checked; the default without one.
///
/// A domain without settings (its config serializes to `null`, as `()` does) accepts `{}`
/// and `null`, and says it has no settings for anything else, rather than serde's
/// "expected unit".
pub fn parse_config<M: Domain>(json: Option<&str>) -> Result<M::Config, String> {
    let Some(json) = json else {
        return Ok(M::Config::default());
    };
    let default = M::Config::default();
    if serde_json::to_value(&default).is_ok_and(|value| value.is_null()) {
        return match serde_json::from_str::<serde_json::Value>(json) {
            Ok(serde_json::Value::Null) => Ok(default),
            Ok(serde_json::Value::Object(fields)) if fields.is_empty() => Ok(default),
            Ok(_) => Err(format!(
                "--config: {} has no settings, so there is nothing to configure (give `{{}}` or leave --config out)",
                M::NAME
            )),
            Err(e) => Err(format!("--config is not JSON: {e}")),
        };
    }
    let config = serde_json::from_str::<M::Config>(json)
        .map_err(|e| format!("--config is not a {} config: {e}", M::NAME))?;
    M::check_config(&config).map_err(|reason| format!("--config: {reason}"))?;
    Ok(config)
}

/// The command that plays run `run` of a plan alone, starting with `program`.
pub(crate) fn rerun_command<M: Domain>(
    program: &str,
    plan: &SimPlan,
    run: u64,
    bug: Option<&Bug>,
    config: &M::Config,
    skip: &[String],
) -> String {
    let mut command = format!(
        "{program} sim {} --seed {} --run {run} --steps {}",
        M::NAME,
        plan.seed,
        plan.steps
    );
    if *config != M::Config::default() {
        let json = serde_json::to_string(config).expect("configs serialize to JSON");
        command.push_str(&format!(" --config '{}'", json.replace('\'', "'\\''")));
    }
    if plan.swarm {
        command.push_str(" --swarm");
    }
    if plan.history_every != DEFAULT_HISTORY_EVERY {
        command.push_str(&format!(" --history-every {}", plan.history_every));
    }
    if !plan.faults && M::ASYNC {
        command.push_str(" --faults off");
    }
    if !plan.concurrency && M::CONCURRENT {
        command.push_str(" --concurrency off");
    }
    if let Some(bug) = bug {
        command.push_str(&format!(" --bug {}", bug.name));
    }
    for check in skip {
        command.push_str(&format!(" --skip {check}"));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::parse_config;
    use crate::test_domain::Tally;

    #[test]
    fn a_domain_without_settings_takes_an_empty_object_and_says_so_otherwise() {
        assert_eq!(parse_config::<Tally>(None), Ok(()));
        assert_eq!(parse_config::<Tally>(Some("{}")), Ok(()));
        assert_eq!(parse_config::<Tally>(Some(" null ")), Ok(()));
        let error = parse_config::<Tally>(Some(r#"{"seats":9}"#)).unwrap_err();
        assert!(error.contains("tally has no settings"), "{error}");
        let error = parse_config::<Tally>(Some("{")).unwrap_err();
        assert!(error.starts_with("--config is not JSON"), "{error}");
    }
}
