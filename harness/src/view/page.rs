//! The page around the data: one HTML file with its CSS, script and data inline, so it opens
//! from disk with no network, and a copy mailed or attached to an issue still works.

const HTML: &str = include_str!("page.html");
const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// The reading of field paths the script's diff uses (see [`crate::outline`]), before it.
const OUTLINE: &str = include_str!("outline.js");

/// The page for `data` (the JSON the script reads), titled `title`.
pub fn render(title: &str, data: &str) -> String {
    let title = escape_html(title);
    let data = script_safe(data);
    // One pass over the template, so a placeholder inside a title or the data stays text.
    let mut page =
        String::with_capacity(HTML.len() + CSS.len() + OUTLINE.len() + SCRIPT.len() + data.len());
    let mut rest = HTML;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}").map(|end| start + end) else {
            break;
        };
        page.push_str(&rest[..start]);
        match &rest[start + 2..end] {
            "title" => page.push_str(&title),
            "css" => page.push_str(CSS),
            "script" => {
                page.push_str(OUTLINE);
                page.push_str(SCRIPT);
            }
            "data" => page.push_str(&data),
            _ => page.push_str(&rest[start..end + 2]),
        }
        rest = &rest[end + 2..];
    }
    page.push_str(rest);
    page
}

/// JSON that cannot end its `<script>` element early: every `<` becomes `\u003c`, the same
/// string to `JSON.parse`, so neither `</script>` nor `<!--` appears in the element. (`<` only
/// occurs inside JSON strings.)
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

pub(crate) fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_cannot_close_its_script_element() {
        let json = serde_json::to_string(&serde_json::json!({"a": "</script><!-- x"})).unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains("</") && !safe.contains("<!--"), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["a"], "</script><!-- x");
        let page = render("a <b> & \"c\" {{data}}", &json);
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "only the page's own two"
        );
        assert!(page.contains("a &lt;b&gt; &amp; &quot;c&quot; {{data}}"));
    }
}
