//! How the window's WebKit (Linux) is set up before its page is drawn.
//!
//! The page is drawn without GPU compositing: WebKit paints it on the CPU, in its own
//! process, as a plain page. Compositing gives each layer of the page a GPU texture; where
//! there is no GPU to hand (a virtual display, many office machines' drivers) WebKit makes
//! them with Mesa's software renderer, which cost the web process about 95 MiB at rest and
//! more with every screen opened (measured here under Xvfb on the twenty-year database:
//! 217 MiB at rest without this setting, 122 with it; 430 after a 90 s walk through every
//! screen, 194 with it). The desk's screens are forms, lists and a few charts, with no
//! animation that needs the GPU; WebKit's own switch for this is the environment variable
//! `WEBKIT_DISABLE_COMPOSITING_MODE`, which this sets as the window's own setting instead.

/// What the window's WebKit settings are made to say.
pub fn apply(settings: &webkit2gtk::Settings) {
    use webkit2gtk::SettingsExt;
    settings.set_hardware_acceleration_policy(webkit2gtk::HardwareAccelerationPolicy::Never);
}

/// Applies [`apply`] to the main window's web view. Called in the app's setup: the window
/// exists, and its page has not been drawn yet.
pub fn set_up<R: tauri::Runtime>(app: &tauri::App<R>) {
    use tauri::Manager;
    use webkit2gtk::WebViewExt;
    if let Some(window) = app.get_webview_window("main") {
        // Fails only when the window is already gone; then there is nothing to set up.
        let _ = window.with_webview(|webview| {
            if let Some(settings) = webview.inner().settings() {
                apply(&settings);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    /// The window's page is drawn without GPU compositing (see the module's note).
    #[test]
    fn the_page_is_drawn_without_gpu_compositing() {
        use webkit2gtk::SettingsExt;
        // Made as a plain GObject: `Settings::new` asks for GTK, which needs a display.
        let settings = webkit2gtk::glib::Object::new::<webkit2gtk::Settings>();
        assert_eq!(
            settings.hardware_acceleration_policy(),
            webkit2gtk::HardwareAccelerationPolicy::Always,
            "WebKit's default, which the window changes"
        );
        super::apply(&settings);
        assert_eq!(
            settings.hardware_acceleration_policy(),
            webkit2gtk::HardwareAccelerationPolicy::Never
        );
    }
}
