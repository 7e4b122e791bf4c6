// Translators type and read in their own language: give the translation editor's text fields and
// displayed translations the target language and direction (right-to-left for Hebrew), as
// wagtail-localize renders them.
(function () {
    function start() {
        var editor = document.querySelector(".js-translation-editor[data-target-lang]");
        if (!editor) {
            return;
        }
        var lang = editor.dataset.targetLang;
        var dir = editor.dataset.targetDir;
        function mark() {
            // The fields translators type into, and each segment's translation as displayed
            // (the block after the source text in a segment's list item).
            var fields = editor.querySelectorAll("textarea, input[type=text], li > p + div");
            fields.forEach(function (field) {
                if (field.getAttribute("lang") !== lang) {
                    field.setAttribute("lang", lang);
                    field.setAttribute("dir", dir);
                }
            });
        }
        mark();
        new MutationObserver(mark).observe(editor, { childList: true, subtree: true });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
