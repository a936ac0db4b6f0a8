//! Nothing but a Tauri 2 window showing one line of HTML.
fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("the empty window opens");
}
