"""Gradio's own words (a table's menu, the progress line, what a screen reader hears over a table) in the interface
language the person chose, not the browser's; the words its progress line writes in English whatever the language
('processing', 'queue: 1/2') are put in Chinese as they appear.

Gradio takes its language from navigator.language once, as its page starts, and some of its words never change
after that; its `head` option runs too late (Gradio adds it after starting). So `LanguageFirst` puts `SCRIPT` first in
the page's head: the page says the language last chosen in this browser before Gradio starts, and on a change
`plancoachLanguage` calls the `changeLocale` Gradio's front end exports (its core module, found by its address among
the page's resources, is the instance the page runs). `top.TopBar` calls it on page load and on a change.
"""
from __future__ import annotations

SCRIPT = """<script>
(() => {
  const locale = lang => lang === "zh" ? "zh-CN" : "en";
  const say = lang => Object.defineProperty(navigator, "language", {get: () => locale(lang), configurable: true});
  say(localStorage.getItem("plancoach-language") || "en");
  // Gradio writes "processing |" and "queue: 1/2 |" beside a busy output in every language (its progress line has
  // no words for them).
  const ZH = [[/^processing \\|$/, "处理中 |"], [/^queue: (\\d+)\\/(\\d*) \\|$/, "排队中：$1/$2 |"]];
  const mend = node => {
    if (node.nodeType !== Node.TEXT_NODE || navigator.language !== "zh-CN") return;
    const found = ZH.find(([english]) => english.test(node.data.trim()));
    if (found) node.data = node.data.trim().replace(...found);
  };
  new MutationObserver(changes => changes.forEach(change => {
    mend(change.target);
    change.addedNodes.forEach(node => { mend(node); node.childNodes?.forEach(mend); });
  })).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
  window.plancoachLanguage = async lang => {
    localStorage.setItem("plancoach-language", lang);
    say(lang);
    const core = performance.getEntriesByType("resource").map(e => e.name)
      .find(name => /\\/assets\\/core-[\\w-]+\\.js$/.test(name));
    if (core) (await import(core)).changeLocale(locale(lang));
  };
})();
</script>"""
CALL = "(lang) => { window.plancoachLanguage?.(lang); }"  # an event's browser-side step, with the language chosen


class LanguageFirst:
    """ASGI middleware: the workspace's page (GET /) with `SCRIPT` first in its head."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != "/":
            await self.app(scope, receive, send)
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def with_script(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
            if dict(headers).get(b"content-type", b"").startswith(b"text/html"):
                body = body.replace(b"<head>", b"<head>" + SCRIPT.encode(), 1)
            await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, with_script)
