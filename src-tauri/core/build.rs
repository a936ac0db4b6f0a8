//! Lists the schema's steps for `store/migrations.rs`: every `migrations/NNNN_name.sql`, in the
//! order of their names, so that a new step is one new file.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    let mut steps: Vec<_> = std::fs::read_dir("migrations")
        .expect("migrations/ is readable")
        .map(|entry| entry.expect("migrations/ is readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    steps.sort();
    let here = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list: String =
        steps.iter().map(|step| format!("    include_str!({:?}),\n", Path::new(&here).join(step).display().to_string())).collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("migrations.rs");
    std::fs::write(out, format!("&[\n{list}]\n")).expect("OUT_DIR is writable");
}
