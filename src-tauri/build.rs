//! Makes a Tauri permission of every command in `src/requests/list.rs` (the one list of what the
//! front end may call) and grants each to the window its section names, and to no other: the
//! capabilities Tauri reads are written here, from `capabilities/*.json` (which hold what is not a
//! command of ours: events, window calls) plus the commands of that window.

use std::collections::BTreeMap;
use std::path::Path;

/// The list, read as (window, command) pairs.
macro_rules! requests {
    (
        core main { $( $(#[$doc:meta])* $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* ) -> $answer:ty; )* }
        // The phones' requests reach no window: they get no permission.
        core phone { $( $pname:ident = $ptype:path; )* }
        $( shell $window:ident { $( $smodule:ident :: $sname:ident $(::<$generic:path>)? ),* $(,)? } )*
    ) => {
        const GRANTS: &[(&str, &str)] = &[
            $( ("main", stringify!($name)), )*
            $( $( (stringify!($window), stringify!($sname)), )* )*
        ];
    };
}

include!("src/requests/list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/requests/list.rs");
    println!("cargo:rerun-if-changed=capabilities");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("capabilities");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");

    let mut by_window: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (window, command) in GRANTS {
        by_window.entry(window).or_default().push(command);
    }
    for (window, commands) in &by_window {
        let source = format!("capabilities/{window}.json");
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("{source}: {e} (every window in the list needs its capability file)"));
        let mut capability: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
        let permissions = capability["permissions"].as_array_mut().unwrap_or_else(|| panic!("{source}: no \"permissions\" list"));
        if let Some(named) = permissions.iter().filter_map(|p| p.as_str()).find(|p| p.starts_with("allow-")) {
            panic!("{source} grants {named} by hand; commands are granted from src/requests/list.rs");
        }
        permissions.extend(commands.iter().map(|c| serde_json::Value::from(format!("allow-{}", c.replace('_', "-")))));
        std::fs::write(out.join(format!("{window}.json")), serde_json::to_string_pretty(&capability).expect("JSON"))
            .expect("OUT_DIR is writable");
    }

    let commands: Vec<&str> = GRANTS.iter().map(|(_, c)| *c).collect();
    let pattern: &'static str = Box::leak(format!("{}/*.json", out.display()).into_boxed_str());
    let manifest = tauri_build::AppManifest::new().commands(Box::leak(commands.into_boxed_slice()));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest).capabilities_path_pattern(pattern))
        .expect("the Tauri build step runs");
}
